/** The reconciliation job, run once across instances (ShedLock). */
@NullMarked
package dev.switchboard.issuesync.reconciliation.scheduling;

import org.jspecify.annotations.NullMarked;
