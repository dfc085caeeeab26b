package dev.switchboard.issuesync;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up the integration tests share, injected into every
 * {@link IssueSyncIntegrationTest}: fresh issue numbers and ticket ids (the tests share
 * one database and broker), the GitHub and Jira fakes' issues, tracker deliveries as the
 * gateway publishes them, links made from a pasted URL, and what the database recorded.
 * What the service sends is collected by a {@link Bus}.
 */
@TestComponent
public class IssueSyncHarness {

	public static final Duration WAIT = Duration.ofSeconds(20);

	private final JdbcClient jdbc;

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Environment environment;

	IssueSyncHarness(JdbcClient jdbc, RabbitTemplate rabbit, JsonMapper json, Environment environment) {
		this.jdbc = jdbc;
		this.rabbit = rabbit;
		this.json = json;
		this.environment = environment;
	}

	/** {@code GET} path of an issue in {@code Codertocat/Hello-World}. */
	public static String issuePath(int number) {
		return "/repos/Codertocat/Hello-World/issues/" + number;
	}

	/** The web URL of an issue in {@code Codertocat/Hello-World}, as agents paste it. */
	public static String issueUrl(int number) {
		return "https://github.com/Codertocat/Hello-World/issues/" + number;
	}

	/** An issue number no other test uses. */
	public static int number() {
		return ThreadLocalRandom.current().nextInt(1_000, 90_000_000);
	}

	/** A Zendesk ticket id no other test uses. */
	public static String ticket() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/** A GitHub delivery as the gateway publishes it, with a fresh delivery id. */
	public static InboundDelivery github(String event, String body) {
		return Bus.delivery(Provider.GITHUB, event, UUID.randomUUID().toString(), body);
	}

	/** A Jira delivery as the gateway publishes it, with a fresh delivery id. */
	public static InboundDelivery jira(String event, String body) {
		return InboundDelivery.of("corr-jira-" + UUID.randomUUID(), Provider.JIRA, event, UUID.randomUUID().toString(),
				Instant.now(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
	}

	/** The test's side of the broker, collecting from now on. */
	public Bus bus() {
		return new Bus(this.rabbit, this.json);
	}

	/** The GitHub fake. */
	public WireMock github() {
		return client("issue-sync.github.base-url");
	}

	/** The Jira fake. */
	public WireMock jira() {
		return client("issue-sync.jira.base-url");
	}

	/**
	 * GitHub answers the issue's read with this state (ETag {@code "etag-<number>"}, at a
	 * low priority, so a test can stub a later read over it).
	 */
	public void stubGithubIssue(int number, long issueId, String state, @Nullable String reason, String updatedAt) {
		github().register(get(urlPathEqualTo(issuePath(number))).atPriority(10)
			.willReturn(okJson(Fixtures.json(Fixtures.githubIssue(issueId, number, state, reason, updatedAt)))
				.withHeader("ETag", "\"etag-" + number + "\"")));
	}

	/** Jira answers the issue's read (status In Progress). */
	public void stubJiraIssue(String id, String key) {
		jira().register(get(urlPathEqualTo("/rest/api/3/issue/" + key))
			.willReturn(okJson(Fixtures.json(Fixtures.jiraIssue(id, key)))));
	}

	/**
	 * An agent pastes the URL into an internal note on the ticket; returns once the link
	 * is committed and its "Linked to" note sent.
	 */
	public void linkByNote(Bus bus, String ticket, String url) {
		bus.publish(Bus.internalNote(ticket, "Affected: " + url));
		// the note is confirmed before the link commits: wait for the committed link
		await().atMost(WAIT).untilAsserted(() -> assertThat(linksOf(ticket)).isEqualTo(1));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(bus.notesFor(ticket)).anyMatch((note) -> note.startsWith("Linked to")));
	}

	public long linksOf(String ticket) {
		return this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single();
	}

	/** Whether the delivery was recorded as received (once applied). */
	public boolean recorded(InboundDelivery delivery) {
		return this.jdbc.sql("select count(*) from received_delivery where event_id = ?")
			.params(delivery.eventId())
			.query(Long.class)
			.single() == 1;
	}

	/** The state stored for a followed GitHub issue. */
	public String githubStateOf(long issueId) {
		return this.jdbc.sql("select state from tracked_issue where tracker = 'github' and issue_id = ?")
			.params(Long.toString(issueId))
			.query(String.class)
			.single();
	}

	private WireMock client(String baseUrlProperty) {
		URI base = URI.create(this.environment.getRequiredProperty(baseUrlProperty));
		return new WireMock(base.getHost(), base.getPort());
	}

}
