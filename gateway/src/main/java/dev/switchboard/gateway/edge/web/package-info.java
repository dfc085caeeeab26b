@NullMarked
package dev.switchboard.gateway.edge.web;

import org.jspecify.annotations.NullMarked;
