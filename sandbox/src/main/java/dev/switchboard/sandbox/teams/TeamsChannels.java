package dev.switchboard.sandbox.teams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The simulated Teams channels behind Workflows webhooks: a post with the right
 * {@code sig} carrying an Adaptive Card becomes a message in the workflow's channel.
 * Behaves as Workflows does where it matters: 28 KB per message, about four requests a
 * second per webhook (429 with {@code Retry-After} beyond), 202 without a body.
 */
@Component
public class TeamsChannels {

	static final int MAX_BYTES = 28 * 1024;

	static final int POSTS_PER_SECOND = 4;

	private final Map<String, Workflow> workflows = new LinkedHashMap<>();

	private final Map<String, Deque<Instant>> recent = new HashMap<>();

	private final List<TeamsPost> posts = new ArrayList<>();

	private final SecureRandom random = new SecureRandom();

	private final JsonMapper json;

	private final Clock clock;

	public TeamsChannels(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/** The channel's workflow, made on first use. */
	public synchronized Workflow workflow(String channel) {
		for (Workflow workflow : this.workflows.values()) {
			if (workflow.channel().equals(channel)) {
				return workflow;
			}
		}
		Workflow workflow = new Workflow(hex(16), channel, hex(20));
		this.workflows.put(workflow.id(), workflow);
		return workflow;
	}

	public synchronized TeamsOutcome receive(String workflowId, String sig, byte[] body) {
		Workflow workflow = this.workflows.get(workflowId);
		if (workflow == null) {
			return new TeamsOutcome.NotFound();
		}
		if (!MessageDigest.isEqual(workflow.sig().getBytes(StandardCharsets.UTF_8),
				sig.getBytes(StandardCharsets.UTF_8))) {
			return new TeamsOutcome.Unauthorized();
		}
		Instant now = this.clock.instant();
		Deque<Instant> times = this.recent.computeIfAbsent(workflowId, (id) -> new ArrayDeque<>());
		while (!times.isEmpty() && !times.peekFirst().isAfter(now.minusSeconds(1))) {
			times.removeFirst();
		}
		if (times.size() >= POSTS_PER_SECOND) {
			return new TeamsOutcome.RateLimited(Duration.ofSeconds(1));
		}
		if (body.length > MAX_BYTES) {
			return new TeamsOutcome.TooLarge(body.length);
		}
		times.addLast(now);
		try {
			CardView card = AdaptiveCards.fromMessage(this.json.readTree(body));
			TeamsPost post = new TeamsPost(workflowId, workflow.channel(), now,
					new String(body, StandardCharsets.UTF_8), card);
			this.posts.add(post);
			return new TeamsOutcome.Accepted(post);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return new TeamsOutcome.Malformed(String.valueOf(ex.getMessage()));
		}
	}

	public synchronized List<TeamsPost> posts() {
		return List.copyOf(this.posts);
	}

	/**
	 * Channel names with their posts, oldest first, in the order the channels were made.
	 */
	public synchronized Map<String, List<TeamsPost>> byChannel() {
		Map<String, List<TeamsPost>> channels = new LinkedHashMap<>();
		this.workflows.values().forEach((workflow) -> channels.put(workflow.channel(), new ArrayList<>()));
		this.posts.forEach((post) -> channels.computeIfAbsent(post.channel(), (name) -> new ArrayList<>()).add(post));
		return channels;
	}

	public synchronized Optional<Workflow> find(String workflowId) {
		return Optional.ofNullable(this.workflows.get(workflowId));
	}

	private String hex(int bytes) {
		byte[] random = new byte[bytes];
		this.random.nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
