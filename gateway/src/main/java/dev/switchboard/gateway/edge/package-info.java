/**
 * The gateway's edge: which requests it takes at all (one canonical spelling of every
 * path) and which credential each path needs (deny by default).
 */
@NullMarked
package dev.switchboard.gateway.edge;

import org.jspecify.annotations.NullMarked;
