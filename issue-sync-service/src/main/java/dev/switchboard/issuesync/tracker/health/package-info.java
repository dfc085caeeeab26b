/** Health of the trackers' credentials. */
@NullMarked
package dev.switchboard.issuesync.tracker.health;

import org.jspecify.annotations.NullMarked;
