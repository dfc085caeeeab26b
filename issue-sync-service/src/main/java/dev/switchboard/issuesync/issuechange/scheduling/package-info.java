/** The held close notes' job, run once across instances (ShedLock). */
@NullMarked
package dev.switchboard.issuesync.issuechange.scheduling;

import org.jspecify.annotations.NullMarked;
