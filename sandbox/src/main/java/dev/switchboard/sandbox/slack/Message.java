package dev.switchboard.sandbox.slack;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A message as Slack keeps it: {@code threadTs} is the parent's {@code ts} of a reply;
 * legacy {@code attachments} (colour bar, title, fields) and the app's {@code metadata}
 * as posted; {@code edited} once {@code chat.update} changed it.
 */
public record Message(String channel, String ts, @Nullable String threadTs, String text,
		List<Map<String, Object>> attachments, @Nullable Map<String, Object> metadata, boolean edited) {

	public Message {
		attachments = List.copyOf(attachments);
	}

	public Message(String channel, String ts, @Nullable String threadTs, String text) {
		this(channel, ts, threadTs, text, List.of(), null, false);
	}

	public boolean reply() {
		return this.threadTs != null;
	}

}
