package dev.switchboard.issuesync.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A rate limit that lifts within {@code issue-sync.short-wait} is waited out in place,
 * exactly as long as the tracker said (not the exponential back-off of a 5xx), and the
 * link from the note is made.
 */
@IssueSyncIntegrationTest
class RateLimitWaitIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	IssueSyncHarness harness;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void waitsExactlyTheSecondsOfGithubsRetryAfterAndThenLinks() {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		limitedOnce(this.github, path, aResponse().withStatus(429).withHeader("Retry-After", "2"), okJson(Fixtures
			.json(Fixtures.githubIssue(800_000_000L + number, number, "open", null, "2026-11-23T09:00:00Z"))));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));
		List<Instant> calls = requestTimes(this.github, path);
		assertThat(calls).hasSize(2);
		assertThat(Duration.between(calls.get(0), calls.get(1))).isBetween(Duration.ofMillis(1_950),
				Duration.ofMillis(3_500));
	}

	@Test
	void waitsUntilTheResetOfGithubsSpentHourlyBudgetAndThenLinks() {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		long reset = Instant.now().getEpochSecond() + 3;
		limitedOnce(this.github, path, aResponse().withStatus(403)
			.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "0")
			.withHeader("x-ratelimit-reset", Long.toString(reset))
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\","
					+ "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}"),
				okJson(Fixtures
					.json(Fixtures.githubIssue(800_000_000L + number, number, "open", null, "2026-11-23T09:00:00Z"))));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, "https://github.com/Codertocat/Hello-World/issues/" + number));

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));
		List<Instant> calls = requestTimes(this.github, path);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(1)).isAfterOrEqualTo(Instant.ofEpochSecond(reset).minusMillis(50))
			.isBefore(Instant.ofEpochSecond(reset).plusMillis(1_500));
	}

	@Test
	void waitsExactlyTheSecondOfJirasRetryAfterAndThenLinks() {
		String id = Long.toString(40_000 + IssueSyncHarness.number());
		String key = "RL-" + id;
		String path = "/rest/api/3/issue/" + key;
		limitedOnce(this.jira, path,
				aResponse().withStatus(429)
					.withHeader("Retry-After", "1")
					.withHeader("X-RateLimit-Limit", "350")
					.withHeader("X-RateLimit-Remaining", "0")
					.withHeader("X-RateLimit-NearLimit", "true"),
				okJson(Fixtures.json(Fixtures.jiraIssue(id, key))));
		String ticket = IssueSyncHarness.ticket();

		this.bus.publish(Bus.internalNote(ticket, this.jira.baseUrl() + "/browse/" + key));

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.linksOf(ticket)).isEqualTo(1));
		List<Instant> calls = requestTimes(this.jira, path);
		assertThat(calls).hasSize(2);
		assertThat(Duration.between(calls.get(0), calls.get(1))).isBetween(Duration.ofMillis(950),
				Duration.ofMillis(2_500));
	}

	private static void limitedOnce(WireMockServer server, String path, ResponseDefinitionBuilder limited,
			ResponseDefinitionBuilder then) {
		String scenario = "rate-limit " + path;
		server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(limited)
			.willSetStateTo("lifted"));
		server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs("lifted").willReturn(then));
	}

	private static List<Instant> requestTimes(WireMockServer server, String path) {
		return server.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().startsWith(path))
			.map((event) -> event.getRequest().getLoggedDate().toInstant())
			.sorted(Comparator.naturalOrder())
			.toList();
	}

}
