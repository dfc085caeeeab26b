/**
 * Runs the replay jobs in batches, on one gateway instance at a time (ShedLock).
 */
@NullMarked
package dev.switchboard.gateway.replay.scheduling;

import org.jspecify.annotations.NullMarked;
