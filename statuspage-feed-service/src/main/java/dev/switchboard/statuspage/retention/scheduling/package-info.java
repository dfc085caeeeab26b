/**
 * Retention: the scheduled purge, on one instance at a time (ShedLock).
 */
@NullMarked
package dev.switchboard.statuspage.retention.scheduling;

import org.jspecify.annotations.NullMarked;
