package dev.switchboard.sandbox.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated Slack workspace: named channels, messages per channel with unique,
 * increasing {@code ts} and threads, and Slack's limit of about one
 * {@code chat.postMessage} per second per channel (a faster post is refused with a
 * {@code Retry-After}).
 */
@Component
public class Workspace {

	static final Duration CHANNEL_INTERVAL = Duration.ofSeconds(1);

	private final List<Message> messages = new ArrayList<>();

	private final Map<String, String> channelNames = new LinkedHashMap<>();

	private final Map<String, Instant> lastPost = new HashMap<>();

	private long lastMicros;

	private final Clock clock;

	public Workspace(Clock clock) {
		this.clock = clock;
	}

	/** A channel the bot is a member of, shown by its name. */
	public synchronized void channel(String id, String name) {
		this.channelNames.putIfAbsent(id, name);
	}

	/** Channel ids with their names, in the order they were made. */
	public synchronized Map<String, String> channels() {
		return new LinkedHashMap<>(this.channelNames);
	}

	public PostOutcome post(String channel, @Nullable String threadTs, String text) {
		return post(channel, threadTs, Post.text(text));
	}

	public synchronized PostOutcome post(String channel, @Nullable String threadTs, Post post) {
		Instant now = this.clock.instant();
		Instant last = this.lastPost.get(channel);
		if (last != null && now.isBefore(last.plus(CHANNEL_INTERVAL))) {
			Duration wait = Duration.between(now, last.plus(CHANNEL_INTERVAL));
			// Retry-After is in whole seconds, rounded up
			return new PostOutcome.RateLimited(Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000)));
		}
		this.lastPost.put(channel, now);
		Message message = new Message(channel, nextTs(now), threadTs, post.text(), post.attachments(), post.metadata(),
				false);
		this.messages.add(message);
		return new PostOutcome.Posted(message);
	}

	public boolean update(String channel, String ts, String text) {
		return update(channel, ts, Post.text(text));
	}

	/**
	 * {@code chat.update}: the message's text and attachments change, its {@code ts} and
	 * metadata stay.
	 */
	public synchronized boolean update(String channel, String ts, Post post) {
		for (int i = 0; i < this.messages.size(); i++) {
			Message message = this.messages.get(i);
			if (message.channel().equals(channel) && message.ts().equals(ts)) {
				this.messages.set(i, new Message(channel, ts, message.threadTs(), post.text(), post.attachments(),
						message.metadata(), true));
				return true;
			}
		}
		return false;
	}

	public synchronized List<Message> messages() {
		return List.copyOf(this.messages);
	}

	/** The channel's messages, oldest first. */
	public List<Message> messages(String channel) {
		return messages().stream().filter((message) -> message.channel().equals(channel)).toList();
	}

	private String nextTs(Instant now) {
		long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
		this.lastMicros = Math.max(this.lastMicros + 1, micros);
		return String.format("%d.%06d", this.lastMicros / 1_000_000L, this.lastMicros % 1_000_000L);
	}

}
