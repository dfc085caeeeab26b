package dev.switchboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Slack's Web API as statuspage-feed uses it: {@code chat.postMessage} (threads by
 * {@code thread_ts}, message metadata kept), {@code chat.update} (counted), and
 * {@code conversations.history} / {@code conversations.replies} with metadata, which the
 * service reads to find out whether a post whose outcome it did not learn went through.
 * Every message is kept in the order Slack accepted it.
 */
final class ChaosSlack implements ChaosSaas.System {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A message as posted. */
	record Message(String channel, String ts, String threadTs, String text, JsonNode metadata, Instant at) {
	}

	private final List<Message> messages = new ArrayList<>();

	private final AtomicLong lastMicros = new AtomicLong();

	private final AtomicLong edits = new AtomicLong();

	private final AtomicLong lookups = new AtomicLong();

	synchronized List<Message> messages() {
		return List.copyOf(this.messages);
	}

	long edits() {
		return this.edits.get();
	}

	long lookups() {
		return this.lookups.get();
	}

	@Override
	public ChaosSaas.Reply handle(String method, URI uri, String body) throws IOException {
		String call = uri.getPath().substring("/slack/".length());
		return switch (call) {
			case "chat.postMessage" -> post(JSON.readTree(body));
			case "chat.update" -> {
				this.edits.incrementAndGet();
				JsonNode update = JSON.readTree(body);
				yield ok("\"channel\":\"" + update.path("channel").asText() + "\",\"ts\":\""
						+ update.path("ts").asText() + "\"");
			}
			case "conversations.history", "conversations.replies" -> history(query(uri.getRawQuery()));
			default -> ChaosSaas.Reply.json(200, "{\"ok\":false,\"error\":\"unknown_method\"}");
		};
	}

	private ChaosSaas.Reply post(JsonNode post) {
		String channel = post.path("channel").asText();
		String threadTs = post.hasNonNull("thread_ts") ? post.path("thread_ts").asText() : null;
		String ts;
		synchronized (this) {
			ts = nextTs();
			this.messages.add(new Message(channel, ts, threadTs, post.path("text").asText(""), post.path("metadata"),
					Instant.now()));
		}
		return ok("\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"");
	}

	private ChaosSaas.Reply history(Map<String, String> query) {
		this.lookups.incrementAndGet();
		String channel = query.get("channel");
		String thread = query.get("ts");
		double oldest = Double.parseDouble(query.getOrDefault("oldest", "0"));
		ObjectNode answer = JSON.createObjectNode().put("ok", true);
		ArrayNode found = answer.putArray("messages");
		for (Message message : messages()) {
			boolean inScope = message.channel().equals(channel)
					&& ((thread == null) || thread.equals(message.threadTs()) || thread.equals(message.ts()));
			if (inScope && Double.parseDouble(message.ts()) >= oldest) {
				ObjectNode node = found.addObject().put("type", "message").put("ts", message.ts());
				if (message.threadTs() != null) {
					node.put("thread_ts", message.threadTs());
				}
				node.put("text", message.text()).set("metadata", message.metadata());
			}
		}
		answer.put("has_more", false).putObject("response_metadata").put("next_cursor", "");
		return ChaosSaas.Reply.json(200, answer.toString());
	}

	/** Unique, increasing, and close to the time of the post (lookups filter on it). */
	private String nextTs() {
		Instant now = Instant.now();
		long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
		long ts = this.lastMicros.updateAndGet((last) -> Math.max(last + 1, micros));
		return String.format("%d.%06d", ts / 1_000_000L, ts % 1_000_000L);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new HashMap<>();
		for (String pair : (raw != null) ? raw.split("&") : new String[0]) {
			String[] nameValue = pair.split("=", 2);
			query.put(nameValue[0],
					(nameValue.length > 1) ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
		}
		return query;
	}

	private static ChaosSaas.Reply ok(String fields) {
		return ChaosSaas.Reply.json(200, "{\"ok\":true," + fields + "}");
	}

}
