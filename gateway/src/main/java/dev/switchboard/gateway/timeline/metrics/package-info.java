/** The timeline's counters in Micrometer. */
@NullMarked
package dev.switchboard.gateway.timeline.metrics;

import org.jspecify.annotations.NullMarked;
