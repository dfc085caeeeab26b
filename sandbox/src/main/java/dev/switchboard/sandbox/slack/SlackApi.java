package dev.switchboard.sandbox.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Slack's Web API under {@code /slack/api} as statuspage-feed calls it:
 * {@code chat.postMessage} (threads by {@code thread_ts}; 429 with {@code Retry-After}
 * when a channel is posted to faster than once a second; legacy attachments and message
 * metadata kept), {@code chat.update}, and {@code conversations.history} /
 * {@code conversations.replies} (metadata with {@code include_all_metadata}). Errors are
 * HTTP 200 with {@code ok:false}, as in Slack.
 */
@RestController
@RequestMapping("/slack/api")
class SlackApi {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final Workspace workspace;

	private final JsonMapper json;

	SlackApi(Workspace workspace, JsonMapper json) {
		this.workspace = workspace;
		this.json = json;
	}

	@PostMapping("/chat.postMessage")
	ResponseEntity<Map<String, Object>> postMessage(@RequestBody JsonNode post) {
		String channel = post.path("channel").asString("");
		if (channel.isEmpty()) {
			return ResponseEntity.ok(Map.of("ok", false, "error", "channel_not_found"));
		}
		String threadTs = post.hasNonNull("thread_ts") ? post.path("thread_ts").asString() : null;
		return switch (this.workspace.post(channel, threadTs, post(post))) {
			case PostOutcome.Posted(Message message) ->
				ResponseEntity.ok(Map.of("ok", true, "channel", message.channel(), "ts", message.ts()));
			case PostOutcome.RateLimited(var retryAfter) -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()))
				.body(Map.of("ok", false, "error", "ratelimited"));
		};
	}

	@PostMapping("/chat.update")
	Map<String, Object> update(@RequestBody JsonNode update) {
		String channel = update.path("channel").asString("");
		String ts = update.path("ts").asString("");
		return this.workspace.update(channel, ts, post(update)) ? Map.of("ok", true, "channel", channel, "ts", ts)
				: Map.of("ok", false, "error", "message_not_found");
	}

	@GetMapping({ "/conversations.history", "/conversations.replies" })
	Map<String, Object> history(@RequestParam String channel, @RequestParam(required = false) @Nullable String ts,
			@RequestParam(defaultValue = "0") double oldest,
			@RequestParam(name = "include_all_metadata", defaultValue = "false") boolean withMetadata) {
		List<Map<String, Object>> found = this.workspace.messages()
			.stream()
			.filter((message) -> message.channel().equals(channel))
			.filter((message) -> ts == null || ts.equals(message.ts()) || ts.equals(message.threadTs()))
			.filter((message) -> Double.parseDouble(message.ts()) >= oldest)
			.map((message) -> messageJson(message, withMetadata))
			.toList();
		return Map.of("ok", true, "messages", found, "has_more", false, "response_metadata", Map.of("next_cursor", ""));
	}

	private Post post(JsonNode body) {
		List<Map<String, Object>> attachments = body.path("attachments")
			.valueStream()
			.map((attachment) -> this.json.convertValue(attachment, OBJECT))
			.toList();
		Map<String, Object> metadata = body.path("metadata").isObject()
				? this.json.convertValue(body.path("metadata"), OBJECT) : null;
		return new Post(body.path("text").asString(""), attachments, metadata);
	}

	private static Map<String, Object> messageJson(Message message, boolean withMetadata) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "message");
		json.put("ts", message.ts());
		if (message.threadTs() != null) {
			json.put("thread_ts", message.threadTs());
		}
		json.put("text", message.text());
		if (!message.attachments().isEmpty()) {
			json.put("attachments", message.attachments());
		}
		if (withMetadata && message.metadata() != null) {
			json.put("metadata", message.metadata());
		}
		return json;
	}

}
