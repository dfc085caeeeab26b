package dev.switchboard.sandbox.slack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

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
 * when a channel is posted to faster than once a second), {@code chat.update}, and
 * {@code conversations.history} / {@code conversations.replies}. Errors are HTTP 200 with
 * {@code ok:false}, as in Slack.
 */
@RestController
@RequestMapping("/slack/api")
class SlackApi {

	private final Workspace workspace;

	SlackApi(Workspace workspace) {
		this.workspace = workspace;
	}

	@PostMapping("/chat.postMessage")
	ResponseEntity<Map<String, Object>> postMessage(@RequestBody JsonNode post) {
		String channel = post.path("channel").asString("");
		if (channel.isEmpty()) {
			return ResponseEntity.ok(Map.of("ok", false, "error", "channel_not_found"));
		}
		String threadTs = post.hasNonNull("thread_ts") ? post.path("thread_ts").asString() : null;
		return switch (this.workspace.post(channel, threadTs, post.path("text").asString(""))) {
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
		return this.workspace.update(channel, ts, update.path("text").asString(""))
				? Map.of("ok", true, "channel", channel, "ts", ts) : Map.of("ok", false, "error", "message_not_found");
	}

	@GetMapping({ "/conversations.history", "/conversations.replies" })
	Map<String, Object> history(@RequestParam String channel, @RequestParam(required = false) String ts,
			@RequestParam(defaultValue = "0") double oldest) {
		List<Map<String, Object>> found = this.workspace.messages()
			.stream()
			.filter((message) -> message.channel().equals(channel))
			.filter((message) -> ts == null || ts.equals(message.ts()) || ts.equals(message.threadTs()))
			.filter((message) -> Double.parseDouble(message.ts()) >= oldest)
			.map(SlackApi::messageJson)
			.toList();
		return Map.of("ok", true, "messages", found, "has_more", false, "response_metadata", Map.of("next_cursor", ""));
	}

	private static Map<String, Object> messageJson(Message message) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "message");
		json.put("ts", message.ts());
		if (message.threadTs() != null) {
			json.put("thread_ts", message.threadTs());
		}
		json.put("text", message.text());
		return json;
	}

}
