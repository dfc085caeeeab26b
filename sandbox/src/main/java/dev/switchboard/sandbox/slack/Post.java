package dev.switchboard.sandbox.slack;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What one {@code chat.postMessage} or {@code chat.update} carries. */
public record Post(String text, List<Map<String, Object>> attachments, @Nullable Map<String, Object> metadata) {

	public Post {
		attachments = List.copyOf(attachments);
	}

	public static Post text(String text) {
		return new Post(text, List.of(), null);
	}

}
