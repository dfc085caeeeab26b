package dev.switchboard.sandbox.slack;

import org.jspecify.annotations.Nullable;

/**
 * A message as Slack keeps it: {@code threadTs} is the parent's {@code ts} of a reply.
 */
public record Message(String channel, String ts, @Nullable String threadTs, String text) {
}
