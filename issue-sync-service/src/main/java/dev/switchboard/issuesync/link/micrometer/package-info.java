/** Counters and timers of what the link feature did. */
@NullMarked
package dev.switchboard.issuesync.link.micrometer;

import org.jspecify.annotations.NullMarked;
