/** The gateway's counters, read from its Micrometer registry. */
@NullMarked
package dev.switchboard.gateway.health.metrics;

import org.jspecify.annotations.NullMarked;
