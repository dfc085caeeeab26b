package dev.switchboard.issuesync.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.access.InternalTokenProperties;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerCredentials;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/links} over HTTP with the internal token, GitHub faked by WireMock: one
 * test per failure mode of the tracker.
 */
@IssueSyncIntegrationTest
class LinkApiIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	@Autowired
	TrackerCredentials credentials;

	@Test
	void createsListsAndDeletesALink() throws Exception {
		int number = IssueSyncHarness.number();
		stubOpen(number);
		String ticket = IssueSyncHarness.ticket();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;

		HttpResponse<String> created = post(ticket, url);

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode link = this.json.readTree(created.body());
		assertThat(link.get("ticketId").asString()).isEqualTo(ticket);
		assertThat(link.get("issueUrl").asString()).isEqualTo(url);
		assertThat(link.get("issueId").asString()).isEqualTo(Long.toString(700_000_000L + number));
		assertThat(link.get("state").asString()).isEqualTo("open");
		String id = link.get("id").asString();
		assertThat(post(ticket, url).statusCode()).isEqualTo(200);

		assertThat(this.json.readTree(call("GET", "/api/links?ticketId=" + ticket, null).body())).hasSize(1);
		assertThat(this.json.readTree(call("GET", "/api/links?issueUrl=" + url, null).body()))
			.anySatisfy((node) -> assertThat(node.get("id").asString()).isEqualTo(id));
		assertThat(call("DELETE", "/api/links/" + id, null).statusCode()).isEqualTo(204);
		assertThat(this.json.readTree(call("GET", "/api/links?ticketId=" + ticket, null).body())).isEmpty();
		HttpResponse<String> gone = call("DELETE", "/api/links/" + id, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	/**
	 * What the helpdesk app's sidebar shows of a linked issue: its assignee, when it last
	 * changed, how many tickets report it, and for Jira the status category that tells
	 * "in progress" from "open".
	 */
	@Test
	void showsTheAssigneeTheLastChangeHowManyTicketsReportItAndJirasStatusCategory() throws Exception {
		int number = IssueSyncHarness.number();
		stubOpen(number);
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;
		String first = IssueSyncHarness.ticket();
		String second = IssueSyncHarness.ticket();
		assertThat(post(first, url).statusCode()).isEqualTo(201);
		assertThat(post(second, url).statusCode()).isEqualTo(201);
		String id = Long.toString(50_000 + number);
		String key = "SIDE-" + id;
		tools.jackson.databind.node.ObjectNode jiraIssue = Fixtures.jiraIssue(id, key);
		((tools.jackson.databind.node.ObjectNode) jiraIssue.get("fields")).putObject("assignee")
			.put("displayName", "Grace Hopper")
			.put("accountId", "5b10a2844c20165700ede21g");
		this.jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/" + key)).willReturn(okJson(Fixtures.json(jiraIssue))));
		assertThat(post(first, this.jira.baseUrl() + "/browse/" + key).statusCode()).isEqualTo(201);

		JsonNode links = this.json.readTree(call("GET", "/api/links?ticketId=" + first, null).body());

		assertThat(links).hasSize(2);
		JsonNode github = links.get(0).get("tracker").asString().equals("github") ? links.get(0) : links.get(1);
		JsonNode jira = (github == links.get(0)) ? links.get(1) : links.get(0);
		assertThat(github.get("assignee").asString()).isEqualTo("Codertocat");
		assertThat(github.get("reports").asInt()).isEqualTo(2);
		assertThat(github.get("updatedAt").asString()).isEqualTo("2026-11-23T09:00:00Z");
		assertThat(github.get("statusCategory").isNull()).isTrue();
		assertThat(jira.get("state").asString()).isEqualTo("In Progress");
		assertThat(jira.get("statusCategory").asString()).isEqualTo("indeterminate");
		assertThat(jira.get("assignee").asString()).isEqualTo("Grace Hopper");
		assertThat(jira.get("reports").asInt()).isEqualTo(1);
	}

	@Test
	void concurrentRequestsForTheSamePairCreateOneLink() throws Exception {
		int number = IssueSyncHarness.number();
		stubOpen(number);
		String ticket = IssueSyncHarness.ticket();
		String url = "https://github.com/Codertocat/Hello-World/issues/" + number;
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			for (int i = 0; i < 4; i++) {
				Callable<HttpResponse<String>> request = () -> post(ticket, url);
				answers.add(pool.submit(request));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get().statusCode()).isIn(200, 201);
			}
		}
		assertThat(this.jdbc.sql("select count(*) from issue_link where ticket_id = ?")
			.params(ticket)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAUrlOnAnUnsupportedHostWith422() throws Exception {
		HttpResponse<String> answer = post("1", "https://gitlab.com/o/r/-/issues/1");

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("Not an issue URL");
	}

	@Test
	void refusesAnIssueTheTrackerDoesNotKnowWith422() throws Exception {
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(notFound()));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("issue-not-found").contains("not found");
	}

	@Test
	void refusesAnIssueSwitchboardMayNotReadWith422() throws Exception {
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number)))
			.willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "4999")));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("issue-not-readable");
	}

	@Test
	void validatesTheRequestBodyWith400() throws Exception {
		HttpResponse<String> answer = call("POST", "/api/links", "{\"ticketId\":\"\",\"issueUrl\":\"\"}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(call("GET", "/api/links", null).statusCode()).isEqualTo(400);
	}

	@Test
	void retriesAGithub503AndLinksOnceItRecovers() throws Exception {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		this.github.stubFor(get(urlPathEqualTo(path)).inScenario("outage")
			.whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("recovered"));
		this.github.stubFor(get(urlPathEqualTo(path)).inScenario("outage")
			.whenScenarioStateIs("recovered")
			.willReturn(okJson(issue(number))));

		HttpResponse<String> answer = post(IssueSyncHarness.ticket(),
				"https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(201);
		this.github.verify(2, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void answers503WhenGithubKeepsTimingOut() throws Exception {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		this.github.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(issue(number)).withFixedDelay(3_000)));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
		this.github.verify(3, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void honoursALongRetryAfterWithoutRetryingInPlace() throws Exception {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		this.github.stubFor(
				get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(100L, 120L);
		this.github.verify(1, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void waitsForTheResetWhenGithubsHourlyBudgetIsSpent() throws Exception {
		int number = IssueSyncHarness.number();
		String path = IssueSyncHarness.issuePath(number);
		long reset = java.time.Instant.now().plusSeconds(1_800).getEpochSecond();
		this.github.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(403)
			.withHeader("x-ratelimit-limit", "5000")
			.withHeader("x-ratelimit-remaining", "0")
			.withHeader("x-ratelimit-reset", Long.toString(reset))
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"API rate limit exceeded for installation ID 1.\",\"documentation_url\":"
					+ "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}")));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())).isBetween(1_700L, 1_800L);
		this.github.verify(1, getRequestedFor(urlPathEqualTo(path)));
	}

	@Test
	void refusesAMalformedGithubAnswerWith422() throws Exception {
		int number = IssueSyncHarness.number();
		this.github.stubFor(
				get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(okJson("{\"id\": 1, \"number\": ")));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("tracker-answer-unreadable");
	}

	@Test
	void treatsAConnectionResetAsAnOutage() throws Exception {
		int number = IssueSyncHarness.number();
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number)))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		HttpResponse<String> answer = post("1", "https://github.com/Codertocat/Hello-World/issues/" + number);

		assertThat(answer.statusCode()).isEqualTo(503);
	}

	@Test
	void stopsCallingJiraWhileItRefusesTheCredentialsAndShowsItInHealth() throws Exception {
		this.jira.stubFor(get(urlPathMatching("/rest/api/3/issue/CRED-.*")).willReturn(aResponse().withStatus(401)));
		try {
			HttpResponse<String> first = post("1", this.jira.baseUrl() + "/browse/CRED-1");
			HttpResponse<String> second = post("1", this.jira.baseUrl() + "/browse/CRED-2");

			assertThat(first.statusCode()).isEqualTo(422);
			assertThat(first.body()).contains("tracker-credentials");
			assertThat(second.statusCode()).isEqualTo(422);
			this.jira.verify(1, getRequestedFor(urlPathMatching("/rest/api/3/issue/CRED-.*")));
			HttpResponse<String> health = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode components = this.json.readTree(health.body()).path("components");
			assertThat(components.path("jiraCredentials").path("status").asString()).isEqualTo("DOWN");
			assertThat(components.path("githubCredentials").path("status").asString()).isEqualTo("UP");
		}
		finally {
			this.credentials.accepted(Tracker.JIRA);
		}
	}

	@Test
	void describesTheApiAsOpenApiForTheGatewayOnly() throws Exception {
		HttpResponse<String> docs = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs"))
				.header("X-Switchboard-Internal-Token", "test-internal-token-0123456789")
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
		assertThat(docs.body()).contains("/api/links");
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/links?ticketId=1")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(401);
	}

	private void stubOpen(int number) {
		this.github.stubFor(get(urlPathEqualTo(IssueSyncHarness.issuePath(number))).willReturn(okJson(issue(number))));
	}

	private static String issue(int number) {
		return Fixtures.json(Fixtures.githubIssue(700_000_000L + number, number, "open", null, "2026-11-23T09:00:00Z"));
	}

	private HttpResponse<String> post(String ticketId, String issueUrl) throws IOException, InterruptedException {
		return call("POST", "/api/links",
				this.json.writeValueAsString(java.util.Map.of("ticketId", ticketId, "issueUrl", issueUrl)));
	}

	private HttpResponse<String> call(String method, String path, @Nullable String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(InternalTokenProperties.HEADER, "test-internal-token-0123456789")
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
