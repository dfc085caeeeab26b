package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.switchboard.signatures.GithubSignature;
import dev.switchboard.signatures.TwilioSignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and dashboards under {@code deploy/} name only metrics the services
 * really expose: the five packaged services started by {@code ./switchboard run} (own
 * port offset, vhost and databases), one pass of every flow driven through the gateway
 * against fakes of the SaaS APIs (a GitHub close reopening a linked ticket, a GitHub 401,
 * a delivery that is dead-lettered, a Twilio callback, a Statuspage incident posted to
 * Slack, a TeamViewer session), then every service's {@code /actuator/prometheus}
 * scraped.
 */
class OperatorKitMetricsSystemTests {

	private static final String GITHUB_SECRET = "kit-" + UUID.randomUUID();

	private static final String ADMIN_KEY = "kit-key-" + UUID.randomUUID();

	private static final String TWILIO_AUTH_TOKEN = "twilio-" + UUID.randomUUID();

	private static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	private static final String STATUSPAGE_TOKEN = UUID.randomUUID().toString().replace("-", "");

	private static final TestInfrastructure infrastructure = TestInfrastructure.get();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final WireMockServer saas = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static int offset;

	/**
	 * Databases and vhost of their own: a GitHub 401 is stored (issue-sync holds GitHub
	 * off for five minutes, also across restarts), which must not reach another launcher
	 * test of this JVM.
	 */
	private static final String PREFIX = infrastructure.runId() + "_kit";

	private static final List<String> SERVICES = List.of("gateway", "issue-sync-service", "statuspage-feed-service",
			"crm-bridge-service", "remote-session-service");

	@BeforeAll
	static void startTheServices() throws Exception {
		saas.start();
		stubTheSaasApis();
		offset = ListenPorts.freeOffset(8080, 9084);
		Launched run = launcher("run", "--port-offset", Integer.toString(offset), "--vhost", PREFIX, "--db-prefix",
				PREFIX, "--postgres", "jdbc:postgresql://127.0.0.1:5432/", "--no-build");
		System.out.println(run.output());
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	@AfterAll
	static void stopTheServices() throws Exception {
		Launched stop = launcher("stop", "--port-offset", Integer.toString(offset));
		saas.stop();
		removeTheVhostAndDatabases();
		assertThat(stop.exitCode()).as(stop.output()).isZero();
	}

	private static void removeTheVhostAndDatabases() throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((infrastructure.rabbitUser() + ":" + infrastructure.rabbitPassword())
				.getBytes(StandardCharsets.UTF_8));
		http.send(HttpRequest
			.newBuilder(URI.create("http://" + infrastructure.rabbitHost() + ":"
					+ System.getenv().getOrDefault("RABBITMQ_MANAGEMENT_PORT", "15672") + "/api/vhosts/" + PREFIX))
			.header("Authorization", "Basic " + credentials)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.discarding());
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
				"jdbc:postgresql://127.0.0.1:5432/postgres", infrastructure.postgresUser(),
				infrastructure.postgresPassword())) {
			for (String service : SERVICES) {
				connection.createStatement()
					.execute("drop database if exists " + PREFIX + "_" + service.replace('-', '_') + " with (force)");
			}
		}
		// the launcher keeps this run's encryption key there
		Path data = Repository.root().resolve("data").resolve(PREFIX);
		if (Files.exists(data)) {
			try (var files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void everyMetricTheRulesAndDashboardsNameIsExposedAfterTheFlows() throws Exception {
		Set<String> used = OperatorKit.metricNames();
		Set<String> expected = new TreeSet<>(used);
		expected.removeAll(OperatorKit.RABBITMQ_QUEUE_METRICS);
		expected.removeAll(OperatorKit.PROMETHEUS_OWN);

		driveEveryFlowOnce();

		Set<String> exposed = new TreeSet<>();
		try {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3)).until(() -> {
				exposed.clear();
				exposed.addAll(scrapeEveryService());
				return exposed.containsAll(expected);
			});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			// the assertion below names what is missing
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(exposed);
		System.out.printf("operator's kit: %d metric names in deploy/, %d exposed by the services after the flows%n",
				used.size(), exposed.size());
		assertThat(missing).as("metrics deploy/ uses that no service exposes (exposed: %s)", exposed).isEmpty();
	}

	private static void driveEveryFlowOnce() throws Exception {
		// issue state into tickets: a link, then GitHub's close reopens the ticket
		HttpResponse<String> link = admin("POST", "/api/links",
				"{\"ticketId\":\"41001\",\"issueUrl\":\"https://github.com/octo-org/widgets/issues/42\"}");
		assertThat(link.statusCode()).as(link.body()).isIn(200, 201);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> saas.verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets/41001.json"))
						.withRequestBody(WireMock.containing("Linked to"))));
		byte[] closed = ("{\"action\":\"closed\",\"issue\":" + githubIssue("closed", "completed", Instant.now())
				+ ",\"repository\":{\"id\":186853002,\"name\":\"widgets\",\"full_name\":\"octo-org/widgets\"},"
				+ "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(postGithub(closed).statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(
					() -> saas.verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets/41001.json"))
						.withRequestBody(WireMock.matching("(?s).*\"status\"\\s*:\\s*\"open\".*"))));
		// a delivery issue-sync cannot read: dead-lettered
		assertThat(postGithub("{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(202);
		// status updates into channels: a Slack subscription and Statuspage's webhook
		HttpResponse<String> subscription = admin("POST", "/api/subscriptions",
				"{\"name\":\"Kit customer\",\"source\":{\"type\":\"statuspage\",\"pageId\":\"kitpage0001\",\"feedUrl\":\""
						+ saas.baseUrl()
						+ "/feeds/kit.atom\"},\"channel\":{\"type\":\"slack\",\"channelId\":\"C0KITTEST1\"}}");
		assertThat(subscription.statusCode()).as(subscription.body()).isIn(200, 201);
		HttpResponse<String> incident = post("/webhooks/statuspage/" + STATUSPAGE_TOKEN, statuspageIncident(),
				"application/json", List.of());
		assertThat(incident.statusCode()).as(incident.body()).isEqualTo(202);
		// phone calls: a signed Twilio status callback
		HttpResponse<String> call = postTwilio();
		assertThat(call.statusCode()).as(call.body()).isEqualTo(202);
		// remote sessions: one started through the admin API at the TeamViewer fake
		HttpResponse<String> session = admin("POST", "/api/sessions",
				"{\"ticketId\":\"41004\",\"provider\":\"teamviewer\",\"agentEmail\":\"agent@example.com\","
						+ "\"customer\":{\"name\":\"Ada Customer\",\"email\":\"ada@example.com\"}}");
		System.out.println("session start: " + session.statusCode() + " " + session.body());
		// last, as a 401 holds GitHub off for five minutes: a link to an issue GitHub
		// refuses
		HttpResponse<String> refused = admin("POST", "/api/links",
				"{\"ticketId\":\"41002\",\"issueUrl\":\"https://github.com/octo-org/secret/issues/7\"}");
		System.out.println("link refused by GitHub: " + refused.statusCode() + " " + refused.body());
	}

	private static Set<String> scrapeEveryService() throws IOException, InterruptedException {
		Set<String> names = new TreeSet<>();
		for (int port = 9080; port <= 9084; port++) {
			HttpResponse<String> metrics = http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (port + offset) + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.statusCode()).isEqualTo(200);
			names.addAll(OperatorKit.exposed(metrics.body()));
		}
		return names;
	}

	private static void stubTheSaasApis() {
		String issue = "/repos/octo-org/widgets/issues/42";
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo(issue))
			.willReturn(WireMock.okJson(githubIssue("open", null, Instant.parse("2026-11-20T10:00:00Z")))));
		saas.stubFor(WireMock.post(WireMock.urlPathMatching(issue + "/(comments|labels)"))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":9001}")));
		saas.stubFor(WireMock.get(WireMock.urlPathMatching("/repos/octo-org/secret/.*"))
			.willReturn(WireMock.aResponse()
				.withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"message\":\"Bad credentials\"}")));
		for (String ticket : List.of("41001", "41002", "41003", "41004")) {
			String path = "/api/v2/tickets/" + ticket + ".json";
			saas.stubFor(WireMock.get(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.okJson(zendeskTicket(ticket, ticket.equals("41001") ? "solved" : "open"))));
			saas.stubFor(WireMock.put(WireMock.urlPathEqualTo(path))
				.willReturn(WireMock.okJson(zendeskTicket(ticket, "open"))));
		}
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/search.json"))
			.willReturn(WireMock.okJson("{\"results\":[{\"id\":8000001,\"name\":\"Ada Customer\",\"email\":"
					+ "\"ada@example.com\",\"phone\":\"+14155551234\",\"role\":\"end-user\",\"result_type\":\"user\"}],"
					+ "\"count\":1}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/users/8000001/tickets/requested.json"))
			.willReturn(WireMock.okJson("{\"tickets\":[{\"id\":41003,\"status\":\"open\",\"subject\":\"Export fails\","
					+ "\"requester_id\":8000001,\"updated_at\":\"" + Instant.now().minusSeconds(300)
					+ "\",\"created_at\":\"2026-11-20T09:12:44Z\"}],\"count\":1}")));
		saas.stubFor(WireMock.post(WireMock.urlPathMatching("/slack/.*"))
			.willReturn(WireMock.okJson("{\"ok\":true,\"channel\":\"C0KITTEST1\",\"ts\":\"1765000000.000100\"}")));
		saas.stubFor(WireMock.get(WireMock.urlPathMatching("/slack/.*"))
			.willReturn(WireMock.okJson("{\"ok\":true,\"messages\":[],\"has_more\":false}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/feeds/kit.atom"))
			.willReturn(WireMock.aResponse()
				.withHeader("Content-Type", "application/atom+xml")
				.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
						+ "<id>tag:status.kit.example,2005:/history</id><title>Kit status</title>"
						+ "<updated>2026-11-20T10:00:00Z</updated></feed>")));
		String teamviewerSession = "{\"code\":\"s01-000-001\",\"groupname\":\"Switchboard\",\"supporter_link\":"
				+ "\"https://start.teamviewer.com/kit/s01-000-001\",\"end_customer_link\":"
				+ "\"https://get.teamviewer.com/kit/s01-000-001\",\"valid_until\":\""
				+ Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\",\"state\":\"open\","
				+ "\"created_at\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
		saas.stubFor(WireMock.post(WireMock.urlPathEqualTo("/teamviewer/api/v1/sessions"))
			.willReturn(WireMock.okJson(teamviewerSession)));
		saas.stubFor(WireMock.get(WireMock.urlPathMatching("/teamviewer/api/v1/sessions/.*"))
			.willReturn(WireMock.okJson(teamviewerSession)));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/teamviewer/api/v1/reports/connections"))
			.willReturn(WireMock.okJson("{\"records\":[],\"records_remaining\":0}")));
	}

	private static String githubIssue(String state, String stateReason, Instant updatedAt) {
		return "{\"url\":\"https://api.github.com/repos/octo-org/widgets/issues/42\","
				+ "\"repository_url\":\"https://api.github.com/repos/octo-org/widgets\","
				+ "\"html_url\":\"https://github.com/octo-org/widgets/issues/42\",\"id\":7700042,\"number\":42,"
				+ "\"title\":\"Printer on fire\",\"user\":{\"login\":\"octocat\",\"id\":1},\"labels\":[],\"state\":\""
				+ state + "\",\"state_reason\":" + ((stateReason != null) ? "\"" + stateReason + "\"" : "null")
				+ ",\"locked\":false,\"comments\":0,\"created_at\":\"2026-11-19T09:00:00Z\",\"updated_at\":\""
				+ updatedAt + "\",\"closed_at\":" + (state.equals("closed") ? "\"" + updatedAt + "\"" : "null")
				+ ",\"body\":\"It burns.\"}";
	}

	private static String zendeskTicket(String id, String status) {
		return "{\"ticket\":{\"id\":" + id + ",\"status\":\"" + status + "\",\"subject\":\"Printer on fire\","
				+ "\"requester_id\":8000001,\"updated_at\":\"2026-11-23T10:00:00Z\",\"tags\":[]}}";
	}

	private static String statuspageIncident() {
		Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return "{\"meta\":{\"unsubscribe\":\"https://status.kit.example/?unsubscribe=x\"},"
				+ "\"page\":{\"id\":\"kitpage0001\",\"status_indicator\":\"minor\",\"status_description\":\"Minor\"},"
				+ "\"incident\":{\"id\":\"kitinc0001\",\"name\":\"Exports delayed\",\"status\":\"investigating\","
				+ "\"impact\":\"minor\",\"shortlink\":\"https://stspg.io/kitinc0001\",\"created_at\":\"" + at
				+ "\",\"updated_at\":\"" + at + "\",\"resolved_at\":null,\"incident_updates\":[{\"id\":\"kitupd0001\","
				+ "\"incident_id\":\"kitinc0001\",\"status\":\"investigating\",\"body\":\"We are looking into it.\","
				+ "\"created_at\":\"" + at + "\",\"display_at\":\"" + at + "\",\"updated_at\":\"" + at
				+ "\",\"affected_components\":null}]}}";
	}

	private static HttpResponse<String> postGithub(byte[] body) throws Exception {
		return post("/webhooks/github", new String(body, StandardCharsets.UTF_8), "application/json",
				List.of("X-GitHub-Event", "issues", "X-GitHub-Delivery", UUID.randomUUID().toString(),
						GithubSignature.HEADER, GithubSignature.sign(GITHUB_SECRET, body)));
	}

	/** A completed call from a known caller, signed over the gateway's public URL. */
	private static HttpResponse<String> postTwilio() throws Exception {
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		String form = "AccountSid=" + TWILIO_ACCOUNT + "&ApiVersion=2010-04-01&CallDuration=42&CallSid=" + callSid
				+ "&CallStatus=completed&Called=%2B14155550100&Caller=%2B14155551234&Direction=inbound"
				+ "&From=%2B14155551234&SequenceNumber=3&To=%2B14155550100";
		TreeMap<String, String> sorted = new TreeMap<>();
		for (String pair : form.split("&")) {
			String[] nameValue = pair.split("=", 2);
			sorted.put(java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		String signature = TwilioSignature.sign(TWILIO_AUTH_TOKEN, gateway() + "/webhooks/twilio",
				List.copyOf(sorted.entrySet()));
		return post("/webhooks/twilio", form, "application/x-www-form-urlencoded",
				List.of("X-Twilio-Signature", signature, "I-Twilio-Idempotency-Token", UUID.randomUUID().toString()));
	}

	private static HttpResponse<String> post(String path, String body, String contentType, List<String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> admin(String method, String path, String json)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(gateway() + path))
			.header("Authorization", "Bearer " + ADMIN_KEY)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String gateway() {
		return "http://localhost:" + (8080 + offset);
	}

	private static Launched launcher(String... arguments) throws Exception {
		Path root = Repository.root();
		Path output = Files.createTempFile("switchboard-launcher", ".log");
		ProcessBuilder builder = new ProcessBuilder();
		builder.command().add(root.resolve("switchboard").toString());
		builder.command().addAll(List.of(arguments));
		builder.directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
		var env = builder.environment();
		env.put("GATEWAY_WEBHOOKS_GITHUB_SECRET", GITHUB_SECRET);
		env.put("GATEWAY_APIKEYS_0_NAME", "operator-kit-test");
		env.put("GATEWAY_APIKEYS_0_SHA256", sha256(ADMIN_KEY));
		env.put("GATEWAY_WEBHOOKS_STATUSPAGE_TOKEN", STATUSPAGE_TOKEN);
		// the purge runs (and is counted) within the test, not after an hour
		env.put("GATEWAY_DELIVERYLOG_PURGEINTERVAL", "5s");
		env.put("ISSUESYNC_GITHUB_BASEURL", saas.baseUrl());
		env.put("ISSUESYNC_GITHUB_TOKEN", "github-test-token");
		env.put("CRMBRIDGE_ZENDESK_BASEURL", saas.baseUrl());
		env.put("CRMBRIDGE_ZENDESK_EMAIL", "switchboard@example.com");
		env.put("CRMBRIDGE_ZENDESK_APITOKEN", "zendesk-test-token");
		env.put("GATEWAY_WEBHOOKS_TWILIO_SECRET", TWILIO_AUTH_TOKEN);
		env.put("CRMBRIDGE_TWILIO_AUTHTOKEN", TWILIO_AUTH_TOKEN);
		env.put("CRMBRIDGE_TWILIO_ACCOUNTSID", TWILIO_ACCOUNT);
		env.put("CRMBRIDGE_TWILIO_BASEURL", saas.baseUrl());
		env.put("CRMBRIDGE_TWILIO_FROMNUMBER", "+18005551212");
		env.put("STATUSPAGEFEED_SLACK_BASEURL", saas.baseUrl() + "/slack");
		env.put("STATUSPAGEFEED_SLACK_BOTTOKEN", "xoxb-kit-test");
		// the feed fake listens on loopback
		env.put("STATUSPAGEFEED_ALLOWPRIVATEADDRESSES", "true");
		env.put("STATUSPAGEFEED_POLLINTERVAL", "5s");
		env.put("REMOTESESSION_TEAMVIEWER_BASEURL", saas.baseUrl() + "/teamviewer");
		env.put("REMOTESESSION_TEAMVIEWER_TOKEN", "teamviewer-test-token");
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"./switchboard " + String.join(" ", arguments) + " did not finish: " + Files.readString(output));
		}
		return new Launched(process.exitValue(), Files.readString(output));
	}

	private static String sha256(String value) throws GeneralSecurityException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
	}

	private record Launched(int exitCode, String output) {
	}

}
