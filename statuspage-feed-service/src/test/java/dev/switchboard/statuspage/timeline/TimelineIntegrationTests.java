package dev.switchboard.statuspage.timeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fakes;
import dev.switchboard.statuspage.StatuspageBus;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code GET /api/timeline} over HTTP with the internal token, after the history was made
 * through the real entry points: Statuspage webhooks as the gateway publishes them, posts
 * to Slack and webhook endpoints (WireMock), and a {@code TicketChanged} as
 * crm-bridge-service publishes it.
 */
@StatuspageIntegrationTest
class TimelineIntegrationTests {

	@Autowired
	StatuspageBus bus;

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@InjectWireMock("slack")
	WireMockServer slack;

	@InjectWireMock("web")
	WireMockServer web;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	AdminApi api;

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void showsTheIncidentsUpdatesEveryPostAndTheTicketToldOfItInTimeOrder() throws Exception {
		String page = "pg" + suffix();
		String code = "inc" + suffix();
		String component = "Ledger " + suffix();
		String feed = "/" + page + "/history.atom";
		Fakes.serveFeed(this.web, feed, "empty-history.atom");
		String threaded = subscribeSlack(page, feed, "CTL" + channel(), component);
		String unaffected = subscribeSlack(page, feed, "CTL" + channel(), "Billing");
		this.web.stubFor(post("/hooks/" + page + "/limited")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "300")));
		String limited = subscribeWebhook(page, feed, "limited");
		this.web.stubFor(post("/hooks/" + page + "/refusing").willReturn(aResponse().withStatus(400)));
		String refusing = subscribeWebhook(page, feed, "refusing");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from feed where url like ? and first_polled_at is not null")
				.param("%" + feed)
				.query(Long.class)
				.single() == 1);

		this.bus.publish(this.bus.incident(page, code, component, "investigating", "2026-11-23T10:26:03.129Z"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(kinds(timeline("incident", code), refusing)).containsExactly("post.failed"));
		String ticket = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
		this.bus.publish(StatuspageBus.ticketCreated(ticket, "Cannot book anything",
				"The " + component.toLowerCase() + " page times out."));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(timeline("ticketId", ticket)).extracting(TimelineEntry::outcome)
				.containsExactly(TimelineEntry.OK));
		this.bus.publish(this.bus.incident(page, code, component, "resolved", "2026-11-23T10:29:00.000Z"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<TimelineEntry> entries = timeline("incident", code);
			assertThat(kinds(entries, threaded)).containsExactly("post.sent", "post.sent");
			assertThat(kinds(entries, unaffected)).containsExactly("post.skipped", "post.skipped");
			assertThat(kinds(entries, refusing)).containsExactly("post.failed", "post.failed");
			assertThat(kinds(entries, null)).containsExactly("incident.opened", "note.sent", "incident.resolved",
					"note.resolved");
			assertThat(entries).filteredOn((entry) -> entry.kind().startsWith("note."))
				.extracting(TimelineEntry::outcome)
				.containsOnly(TimelineEntry.OK);
		});
		List<TimelineEntry> entries = timeline("incident", code);

		assertThat(entries).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
		assertThat(entries).extracting(TimelineEntry::service).containsOnly(ServiceNames.STATUSPAGE_FEED);
		assertThat(entries.get(0)).satisfies((opened) -> {
			assertThat(opened.kind()).isEqualTo("incident.opened");
			assertThat(opened.summary())
				.startsWith("Elevated API error rates — Investigating (from the webhook): Requests to the API")
				.contains("We are investigating");
		});
		assertThat(entries).filteredOn((entry) -> threaded.equals(entry.ref())).satisfiesExactly((parent) -> {
			assertThat(parent.summary()).contains("(Slack CTL")
				.contains("Investigating posted, opening the incident's thread");
			assertThat(parent.outcome()).isEqualTo(TimelineEntry.OK);
		}, (reply) -> assertThat(reply.summary()).contains("Resolved posted as a reply in the incident's thread"));
		assertThat(entries).filteredOn((entry) -> unaffected.equals(entry.ref()))
			.extracting(TimelineEntry::summary)
			.allSatisfy((summary) -> assertThat(summary).contains("none of the subscribed components is affected"));
		assertThat(entries).filteredOn((entry) -> refusing.equals(entry.ref())).allSatisfy((failed) -> {
			assertThat(failed.outcome()).isEqualTo(TimelineEntry.FAILED);
			assertThat(failed.summary()).contains("(webhook)")
				.contains("failed for good after 1 attempt: webhook HTTP 400")
				.doesNotContain(this.web.baseUrl());
		});
		// the 429 parks the endpoint for five minutes: the first post waits to be tried
		// again, the second behind it
		assertThat(entries).filteredOn((entry) -> limited.equals(entry.ref())).satisfiesExactly((waiting) -> {
			assertThat(waiting.kind()).isEqualTo("post.retrying");
			assertThat(waiting.outcome()).isEqualTo(TimelineEntry.PENDING);
			assertThat(waiting.summary()).contains("Investigating not posted yet").contains("webhook 429");
		}, (queued) -> {
			assertThat(queued.kind()).isEqualTo("post.queued");
			assertThat(queued.summary()).contains("Resolved queued");
		});
		assertThat(this.web.findAll(postRequestedFor(urlEqualTo("/hooks/" + page + "/limited")))).hasSize(1);
		TimelineEntry resolved = only(entries, "incident.resolved");
		assertThat(resolved.summary())
			.isEqualTo("Elevated API error rates — Resolved (from the webhook): This incident has been resolved.");
		assertThat(entries.indexOf(resolved)).isBetween(indexOf(entries, threaded, 0), indexOf(entries, threaded, 1));
		assertThat(only(entries, "note.sent").summary()).isEqualTo("Internal note on ticket " + ticket
				+ ": open status incident 'Elevated API error rates' (" + code + "), which the ticket names");

		assertThat(timeline("ticketId", ticket)).satisfiesExactly((note) -> {
			assertThat(note.kind()).isEqualTo("note.sent");
			assertThat(note.summary()).contains("'Elevated API error rates' (" + code + ")");
			assertThat(note.ref()).isNull();
		}, (note) -> {
			assertThat(note.kind()).isEqualTo("note.resolved");
			assertThat(note.outcome()).isEqualTo(TimelineEntry.OK);
			assertThat(note.summary()).isEqualTo("Internal note on ticket " + ticket
					+ ": status incident 'Elevated API error rates' (" + code + ") resolved");
		});
	}

	@Test
	void answersAnEmptyTimelineForWhatItNeverMetAndRefusesAQueryWithoutExactlyOneWellFormedSubject() {
		for (String query : List.of("issue=" + encoded("https://github.com/acme/widgets/issues/42"),
				"callSid=CA0123456789abcdef0123456789abcdef", "sessionId=" + UUID.randomUUID(),
				"incident=never-seen-" + suffix(), "ticketId=999999999999999999", "incident=x&unrelated=1")) {
			HttpResponse<String> answer = this.api.get("/api/timeline?" + query);
			assertThat(answer.statusCode()).as(query).isEqualTo(200);
			assertThat(this.api.json(answer).isArray()).as(query).isTrue();
			assertThat(this.api.json(answer)).as(query).isEmpty();
		}
		for (String query : List.of("", "unrelated=1", "incident=a&ticketId=1", "ticketId=1&ticketId=2", "ticketId=12a",
				"ticketId=1234567890123456789", "ticketId=", "sessionId=not-a-session", "incident=" + "x".repeat(2049),
				"incident=" + encoded("   "))) {
			HttpResponse<String> answer = this.api.get("/api/timeline" + (query.isEmpty() ? "" : "?" + query));
			assertThat(answer.statusCode()).as(query).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type")).as(query)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(this.api.json(answer).path("type").asString()).as(query)
				.isEqualTo("urn:switchboard:problem:invalid-timeline-query");
		}
	}

	@Test
	void refusesTheTimelineWithoutTheInternalToken() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/timeline?ticketId=1"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private List<TimelineEntry> timeline(String parameter, String value) {
		HttpResponse<String> answer = this.api.get("/api/timeline?" + parameter + "=" + encoded(value));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		List<TimelineEntry> entries = new ArrayList<>();
		for (JsonNode entry : this.api.json(answer)) {
			JsonNode ref = entry.path("ref");
			entries.add(new TimelineEntry(Instant.parse(entry.path("at").asString()), entry.path("service").asString(),
					entry.path("kind").asString(), entry.path("summary").asString(), entry.path("outcome").asString(),
					ref.isNull() ? null : ref.asString()));
		}
		return entries;
	}

	/** The kinds of the entries about one subscription ({@code null}: about none). */
	private static List<String> kinds(List<TimelineEntry> entries, @Nullable String ref) {
		return entries.stream()
			.filter((entry) -> (ref == null) ? entry.ref() == null : ref.equals(entry.ref()))
			.map(TimelineEntry::kind)
			.toList();
	}

	private static TimelineEntry only(List<TimelineEntry> entries, String kind) {
		List<TimelineEntry> found = entries.stream().filter((entry) -> entry.kind().equals(kind)).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	private static int indexOf(List<TimelineEntry> entries, String ref, int nth) {
		List<TimelineEntry> about = entries.stream().filter((entry) -> ref.equals(entry.ref())).toList();
		return entries.indexOf(about.get(nth));
	}

	private String subscribeSlack(String page, String feed, String channel, String component) {
		Fakes.slackAnswersOk(this.slack, channel, "1763893950.000100");
		return this.api.subscribe("""
				{"name": "Customer %s", "source": {"type": "statuspage", "pageId": "%s", "feedUrl": "%s"},
				 "channel": {"type": "slack", "channelId": "%s"}, "components": ["%s"]}
				""".formatted(channel, page, this.web.baseUrl() + feed, channel, component));
	}

	private String subscribeWebhook(String page, String feed, String name) {
		return this.api.subscribe("""
				{"name": "Hook %s", "source": {"type": "statuspage", "pageId": "%s", "feedUrl": "%s"},
				 "channel": {"type": "webhook", "url": "%s/hooks/%s/%s", "secret": "%s"}}
				""".formatted(name, page, this.web.baseUrl() + feed, this.web.baseUrl(), page, name, SECRET));
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String channel() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36).toUpperCase();
	}

	private static String suffix() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
	}

}
