/**
 * The link feature's jobs (report comments, parked links), run once across instances
 * (ShedLock).
 */
@NullMarked
package dev.switchboard.issuesync.link.scheduling;

import org.jspecify.annotations.NullMarked;
