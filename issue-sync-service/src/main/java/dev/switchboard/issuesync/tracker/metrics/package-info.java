/**
 * Counters and timers of what issue-sync did (links, notes, reopens, reconciliation,
 * tracker failures).
 */
@NullMarked
package dev.switchboard.issuesync.tracker.metrics;

import org.jspecify.annotations.NullMarked;
