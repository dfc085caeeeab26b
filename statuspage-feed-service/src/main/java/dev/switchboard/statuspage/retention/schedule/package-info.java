/**
 * Retention: the scheduled purge, on one instance at a time (ShedLock).
 */
@NullMarked
package dev.switchboard.statuspage.retention.schedule;

import org.jspecify.annotations.NullMarked;
