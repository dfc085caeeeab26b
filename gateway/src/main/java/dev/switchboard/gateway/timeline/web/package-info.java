/** The timeline in the admin API. */
@NullMarked
package dev.switchboard.gateway.timeline.web;

import org.jspecify.annotations.NullMarked;
