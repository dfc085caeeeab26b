/**
 * Replay jobs in the gateway's database ({@code replay_job}).
 */
@NullMarked
package dev.switchboard.gateway.replay.persistence;

import org.jspecify.annotations.NullMarked;
