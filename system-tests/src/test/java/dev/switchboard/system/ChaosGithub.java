package dev.switchboard.system;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API for the issues of {@code octo-org/widgets}: each issue's current
 * state (what issue-sync reads when linking and reconciling), and comments and labels
 * accepted and counted.
 */
final class ChaosGithub implements ChaosSaas.System {

	static final String REPOSITORY = "octo-org/widgets";

	private static final Pattern ISSUE = Pattern.compile("/repos/octo-org/widgets/issues/(\\d+)");

	/** An issue's state at one moment. */
	record IssueState(String state, String reason, Instant updatedAt) {
	}

	private final Map<Integer, IssueState> issues = new ConcurrentHashMap<>();

	private final AtomicLong writes = new AtomicLong();

	private final AtomicLong ids = new AtomicLong(5_000_000L);

	/** {@code X-GitHub-Delivery} ids of webhooks the gateway never accepted. */
	private final java.util.Set<String> undelivered = ConcurrentHashMap.newKeySet();

	void issue(int number, IssueState state) {
		this.issues.put(number, state);
	}

	/** The issue's state becomes {@code state} unless it already shows a later one. */
	void advance(int number, IssueState state) {
		this.issues.merge(number, state, (now, next) -> next.updatedAt().isAfter(now.updatedAt()) ? next : now);
	}

	/** GitHub gave up on this webhook: it never retries a failed delivery. */
	void undelivered(String deliveryId) {
		this.undelivered.add(deliveryId);
	}

	boolean delivered(String deliveryId) {
		return !this.undelivered.contains(deliveryId);
	}

	long writes() {
		return this.writes.get();
	}

	@Override
	public ChaosSaas.Reply handle(String method, URI uri, String body) {
		Matcher issue = ISSUE.matcher(uri.getPath());
		if (method.equals("GET") && issue.matches()) {
			IssueState state = this.issues.get(Integer.parseInt(issue.group(1)));
			return (state != null) ? ChaosSaas.Reply.json(200, json(Integer.parseInt(issue.group(1)), state))
					: ChaosSaas.Reply.json(404, "{\"message\":\"Not Found\"}");
		}
		if (method.equals("GET")) {
			return ChaosSaas.Reply.json(200, "[]");
		}
		this.writes.incrementAndGet();
		if (method.equals("DELETE")) {
			return new ChaosSaas.Reply(204, "", Map.of());
		}
		return ChaosSaas.Reply.json(method.equals("PATCH") ? 200 : 201,
				"{\"id\":" + this.ids.incrementAndGet() + ",\"body\":\"\"}");
	}

	static long issueId(int number) {
		return 800_000_000L + number;
	}

	static String json(int number, IssueState state) {
		boolean closed = state.state().equals("closed");
		return "{\"url\":\"https://api.github.com/repos/" + REPOSITORY + "/issues/" + number + "\","
				+ "\"repository_url\":\"https://api.github.com/repos/" + REPOSITORY + "\","
				+ "\"html_url\":\"https://github.com/" + REPOSITORY + "/issues/" + number + "\",\"id\":"
				+ issueId(number) + ",\"number\":" + number + ",\"title\":\"Chaos issue " + number + "\","
				+ "\"user\":{\"login\":\"octocat\",\"id\":1},\"labels\":[],\"state\":\"" + state.state()
				+ "\",\"state_reason\":" + ((state.reason() == null) ? "null" : "\"" + state.reason() + "\"")
				+ ",\"locked\":false,\"comments\":0,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\""
				+ state.updatedAt() + "\",\"closed_at\":" + (closed ? "\"" + state.updatedAt() + "\"" : "null")
				+ ",\"body\":\"It burns.\"}";
	}

}
