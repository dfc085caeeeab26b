/**
 * What issue-sync did about each followed issue and linked ticket, recorded by the
 * features as they act (in the same transaction), read by the timeline.
 */
@NullMarked
package dev.switchboard.issuesync.history;

import org.jspecify.annotations.NullMarked;
