/**
 * Replay: one delivery of the log published again ({@link DeliveryReplay}), and bulk
 * replay as a job: every delivery of the log that matches a filter (a time window of
 * unconfirmed ones, a provider, a value) published again, oldest first, with an estimate
 * before it starts, progress, a result and Cancel; at most one job per filter at a time;
 * jobs are stored, so every gateway instance shows them and one of them runs them. Replay
 * reads the delivery log and publishes through the webhook feature's
 * {@code DeliveryPublisher}; neither of those features knows replay.
 */
@NullMarked
package dev.switchboard.gateway.replay;

import org.jspecify.annotations.NullMarked;
