package dev.switchboard.sandbox.teams;

import java.time.Instant;

/**
 * A message a workflow posted to its channel: the body as received and its Adaptive Card
 * as the channel shows it.
 */
public record TeamsPost(String workflowId, String channel, Instant receivedAt, String body, CardView card) {
}
