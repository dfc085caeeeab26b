package dev.switchboard.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.switchboard.gateway.console.ConsoleClient.csrfOf;
import static dev.switchboard.gateway.console.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's pages over the services' admin APIs (links, status subscriptions and
 * feeds, calls, remote sessions), with a WireMock answering as the services do today:
 * each page needs a session, shows what the service answered escaped, calls the service
 * with the internal token, sends changes only with the CSRF token, and answers unknown
 * ids, refusals and a service that is down with a page that says what to do.
 */
@GatewayIntegrationTest
class ConsoleServicePagesIntegrationTests {

	static final String LINK_ID = "5b0c1a52-3f0e-4d1c-9a57-3c2f1e8b9d10";

	static final String SUBSCRIPTION_ID = "0f8e5a7c-2b1d-4c3e-8f9a-1b2c3d4e5f60";

	static final String SESSION_ID = "7d1f0b2e-6c5a-4e3d-9b8a-0c1d2e3f4a5b";

	static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";

	static final String ISSUE_URL = "https://github.com/acme/widgets/issues/42";

	@LocalServerPort
	int port;

	ConsoleClient console;

	@BeforeEach
	void signIn() {
		this.console = new ConsoleClient(this.port);
		assertThat(this.console.signIn(GatewayIntegrationTest.ADMIN_KEY).statusCode()).isEqualTo(303);
	}

	static String link(String ticketId, String title, String state, String category) {
		return """
				{"id":"%s","ticketId":"%s","issueUrl":"%s","tracker":"github","issueId":"2291432","issueKey":"acme/widgets#42",
				 "title":"%s","state":"%s","category":"%s","createdAt":"2026-11-30T09:15:00Z"}"""
			.formatted(LINK_ID, ticketId, ISSUE_URL, title, state, category);
	}

	@Test
	void sendsEveryServicePageWithoutASessionToSignInAndRefusesItsActions() {
		ConsoleClient anonymous = new ConsoleClient(this.port);
		for (String page : List.of("/console/links?ticketId=4711", "/console/subscriptions", "/console/calls",
				"/console/sessions", "/console/links/" + LINK_ID, "/console/subscriptions/" + SUBSCRIPTION_ID,
				"/console/calls/" + CALL_SID, "/console/sessions/" + SESSION_ID)) {
			HttpResponse<String> response = anonymous.page(page);
			assertThat(response.statusCode()).as(page).isEqualTo(303);
			assertThat(response.headers().firstValue("Location")).as(page).hasValue("/console/login");
		}
		for (String action : List.of("/console/links", "/console/links/" + LINK_ID + "/delete",
				"/console/subscriptions/" + SUBSCRIPTION_ID + "/state", "/console/calls",
				"/console/sessions/" + SESSION_ID + "/end")) {
			assertThat(anonymous.post(action, form("_csrf", "x", "state", "paused"), Map.of()).statusCode()).as(action)
				.isEqualTo(401);
		}
		verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void showsAnIssueWithItsStateAndTheTicketsItReopenedEscapingWhatTheServiceSays() {
		stubFor(get(urlPathEqualTo("/api/links")).withQueryParam("issueUrl", equalTo(ISSUE_URL))
			.willReturn(okJson("[" + link("4711", "Export fails <script>alert(1)</script>", "closed", "completed") + ","
					+ link("4712", "Export fails <script>alert(1)</script>", "closed", "completed").replace(LINK_ID,
							"6c1d2b63-4f1f-4e2d-8b68-4d3f2f9c0e21")
					+ "]")));

		HttpResponse<String> page = this.console.page("/console/links?issueUrl=" + ISSUE_URL);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("acme/widgets#42")
			.contains("Export fails &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>")
			.contains(">4711<")
			.contains(">4712<")
			.contains("issue-sync reopened each ticket below")
			.contains("yes, when completed");
		verify(getRequestedFor(urlPathEqualTo("/api/links")).withQueryParam("issueUrl", equalTo(ISSUE_URL))
			.withHeader(InternalTokenProperties.HEADER, equalTo("test-internal-token-0123456789"))
			.withHeader("Cookie", com.github.tomakehurst.wiremock.client.WireMock.absent()));
	}

	@Test
	void showsATicketsLinksAndSaysSoWhenThereAreNone() {
		stubFor(get(urlEqualTo("/api/links?ticketId=4711"))
			.willReturn(okJson("[" + link("4711", "Export fails", "open", "open") + "]")));
		stubFor(get(urlEqualTo("/api/links?ticketId=4713")).willReturn(okJson("[]")));
		stubFor(get(urlEqualTo("/api/links?ticketId=1%26issueUrl%3Dx")).willReturn(okJson("[]")));

		assertThat(this.console.page("/console/links?ticketId=4711").body()).contains("Export fails")
			.contains("/console/links/" + LINK_ID);
		assertThat(this.console.page("/console/links?ticketId=4713").body()).contains("follows no issue");
		assertThat(this.console.page("/console/links?ticketId=1%26issueUrl%3Dx").statusCode())
			.as("a value cannot add a parameter to the service's query")
			.isEqualTo(200);
	}

	@Test
	void linksATicketAndRemovesTheLinkOnlyWithTheSessionsCsrfToken() {
		stubFor(get(urlEqualTo("/api/links?ticketId=4711")).willReturn(okJson("[]")));
		stubFor(post(urlEqualTo("/api/links"))
			.willReturn(okJson(link("4711", "Export fails", "open", "open")).withStatus(201)));
		stubFor(delete(urlEqualTo("/api/links/" + LINK_ID)).willReturn(aResponse().withStatus(204)));
		String csrf = csrfOf(this.console.page("/console/links?ticketId=4711").body());

		HttpResponse<String> forged = this.console.post("/console/links",
				form("_csrf", "forged", "ticketId", "4711", "issueUrl", ISSUE_URL), Map.of());
		HttpResponse<String> created = this.console.post("/console/links",
				form("_csrf", csrf, "ticketId", "4711", "issueUrl", ISSUE_URL), Map.of());
		HttpResponse<String> removed = this.console.post("/console/links/" + LINK_ID + "/delete", form("_csrf", csrf),
				Map.of());

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(created.statusCode()).isEqualTo(303);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/console/links/" + LINK_ID + "?notice=created"));
		verify(1, postRequestedFor(urlEqualTo("/api/links"))
			.withRequestBody(equalToJson("{\"ticketId\":\"4711\",\"issueUrl\":\"" + ISSUE_URL + "\"}")));
		assertThat(removed.statusCode()).isEqualTo(303);
		verify(1, deleteRequestedFor(urlEqualTo("/api/links/" + LINK_ID)));
	}

	@Test
	void showsTheServicesRefusalEscapedWithItsStatus() {
		stubFor(get(urlEqualTo("/api/links?ticketId=4711")).willReturn(okJson("[]")));
		stubFor(post(urlEqualTo("/api/links")).willReturn(aResponse().withStatus(422)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"type\":\"urn:switchboard:problem:unsupported-issue-url\",\"title\":\"Unsupported issue URL\","
					+ "\"status\":422,\"detail\":\"Not an issue URL: <img src=x>\"}")));
		String csrf = csrfOf(this.console.page("/console/links?ticketId=4711").body());

		HttpResponse<String> page = this.console.post("/console/links",
				form("_csrf", csrf, "ticketId", "4711", "issueUrl", "<img src=x>"), Map.of("Accept", "text/html"));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("Not an issue URL: &lt;img src=x&gt;").doesNotContain("<img");
	}

	@Test
	void answersUnknownIdsWithTheNotFoundPage() {
		stubFor(get(urlPathEqualTo("/api/links/" + LINK_ID)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"title\":\"Unknown link\",\"status\":404,\"detail\":\"No link " + LINK_ID + "\"}")));
		stubFor(get(urlPathEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID)).willReturn(aResponse().withStatus(404)));
		stubFor(get(urlPathEqualTo("/api/calls/" + CALL_SID)).willReturn(aResponse().withStatus(404)));
		stubFor(get(urlPathEqualTo("/api/sessions/" + SESSION_ID)).willReturn(aResponse().withStatus(404)));

		for (String page : List.of("/console/links/" + LINK_ID, "/console/subscriptions/" + SUBSCRIPTION_ID,
				"/console/calls/" + CALL_SID, "/console/sessions/" + SESSION_ID, "/console/links/not-a-link",
				"/console/calls/CA42", "/console/sessions/4711")) {
			HttpResponse<String> response = this.console.page(page);
			assertThat(response.statusCode()).as(page).isEqualTo(404);
			assertThat(response.body()).as(page).contains("Not found");
		}
		verify(0, getRequestedFor(urlPathEqualTo("/api/links/not-a-link")));
	}

	@Test
	void saysWhatToDoWhenTheServiceIsDown() {
		stubFor(get(urlPathEqualTo("/api/feeds")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		HttpResponse<String> page = this.console.page("/console/subscriptions");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("statuspage-feed-service is not answering").contains("reload this page");
	}

	static final String FEEDS = """
			[{"id":"11111111-1111-1111-1111-111111111111","url":"https://status.healthy.example/history.atom",
			  "pageId":null,"lastSuccessAt":"2026-12-02T16:40:00Z","lastError":null,"lastErrorAt":null,
			  "consecutiveFailures":0,"lastModified":"2026-12-02T10:00:00Z","updatesSeen":12,"subscriptions":1,"healthy":true},
			 {"id":"22222222-2222-2222-2222-222222222222","url":"https://status.broken.example/history.atom",
			  "pageId":"kctbh9vrtdwd","lastSuccessAt":"2026-12-01T08:00:00Z","lastError":"HTTP 503 <from upstream>",
			  "lastErrorAt":"2026-12-02T16:45:00Z","consecutiveFailures":7,"lastModified":null,"updatesSeen":3,
			  "subscriptions":1,"healthy":false}]""";

	static String subscription(String state) {
		return """
				{"id":"%s","name":"Acme <b>status</b>","source":{"type":"statuspage","pageId":"kctbh9vrtdwd",
				 "feedUrl":"https://status.broken.example/history.atom"},"channel":{"type":"webhook",
				 "url":"https://hooks.acme.example/***","secretConfigured":true},"components":[],"componentAliases":{},
				 "state":"%s","failureReason":null,"createdAt":"2026-11-01T00:00:00Z","pendingDeliveries":0,
				 "failedDeliveries":2,"sentDeliveries":5,"unknownDeliveries":0}""".formatted(SUBSCRIPTION_ID, state);
	}

	@Test
	void listsUnhealthyFeedsFirstAndPausesAndResumesASubscription() {
		stubFor(get(urlEqualTo("/api/feeds")).willReturn(okJson(FEEDS)));
		stubFor(get(urlEqualTo("/api/subscriptions")).willReturn(okJson("[" + subscription("active") + "]")));
		stubFor(get(urlEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID)).willReturn(okJson(subscription("active"))));
		stubFor(get(urlEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID + "/deliveries?limit=50")).willReturn(
				okJson("""
						[{"seq":1,"incident":"p0xg1","title":"API errors","status":"investigating",
						  "postedAt":"2026-12-02T12:00:00Z","state":"failed","attempts":5,"lastError":"refused","sentAt":null}]""")));
		stubFor(patch(urlEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID)).willReturn(okJson(subscription("paused"))));
		stubFor(post(urlEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID + "/deliveries/retry"))
			.willReturn(okJson("{\"requeued\":2}")));

		HttpResponse<String> list = this.console.page("/console/subscriptions");
		HttpResponse<String> paused = this.console.page("/console/subscriptions?state=paused");
		HttpResponse<String> one = this.console.page("/console/subscriptions/" + SUBSCRIPTION_ID);
		String csrf = csrfOf(one.body());
		HttpResponse<String> pause = this.console.post("/console/subscriptions/" + SUBSCRIPTION_ID + "/state",
				form("_csrf", csrf, "state", "paused"), Map.of());
		HttpResponse<String> retry = this.console.post("/console/subscriptions/" + SUBSCRIPTION_ID + "/retry",
				form("_csrf", csrf), Map.of());
		HttpResponse<String> odd = this.console.post("/console/subscriptions/" + SUBSCRIPTION_ID + "/state",
				form("_csrf", csrf, "state", "deleted"), Map.of());

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("1 unhealthy")
			.contains("HTTP 503 &lt;from upstream&gt;")
			.contains("Acme &lt;b&gt;status&lt;/b&gt;");
		assertThat(list.body().indexOf("status.broken.example")).as("unhealthy first")
			.isLessThan(list.body().indexOf("status.healthy.example"));
		assertThat(paused.body()).contains("No subscription matches this filter");
		assertThat(one.body()).contains("API errors").contains(">Pause<").contains("Send the failed deliveries again");
		assertThat(pause.statusCode()).isEqualTo(303);
		assertThat(pause.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("?notice=paused"));
		verify(1, patchRequestedFor(urlEqualTo("/api/subscriptions/" + SUBSCRIPTION_ID))
			.withRequestBody(equalToJson("{\"state\":\"paused\"}")));
		assertThat(retry.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("?notice=retried&requeued=2"));
		assertThat(odd.statusCode()).isEqualTo(404);
	}

	static final String CALL = """
			{"id":"%1$s","callSid":"%1$s","direction":"inbound","status":"completed","from":"+442071838750",
			 "to":"+442079460000","agent":"+442079460001","ticketId":"4711","startedAt":"2026-12-02T15:00:00Z",
			 "answeredAt":"2026-12-02T15:00:05Z","endedAt":"2026-12-02T15:03:00Z","durationSeconds":175,
			 "waitSeconds":5,"missed":false,"recordingUrl":"https://api.twilio.com/recordings/RE1","noted":true,
			 "voicemailUrl":null,"voicemailSeconds":null,"transcription":"Hello <there>"}""".formatted(CALL_SID);

	@Test
	void showsATicketsCallsAndPlacesAClickToCall() {
		stubFor(get(urlEqualTo("/api/calls?ticketId=4711")).willReturn(okJson("[" + CALL + "]")));
		stubFor(get(urlEqualTo("/api/calls/" + CALL_SID)).willReturn(okJson(CALL)));
		stubFor(post(urlEqualTo("/api/calls")).willReturn(okJson(CALL).withStatus(201)));

		HttpResponse<String> list = this.console.page("/console/calls?ticketId=4711");
		HttpResponse<String> bySid = this.console.page("/console/calls?callSid=" + CALL_SID);
		HttpResponse<String> one = this.console.page("/console/calls/" + CALL_SID);
		HttpResponse<String> call = this.console.post("/console/calls",
				form("_csrf", csrfOf(list.body()), "ticketId", "4711", "agentPhone", "+442079460001"), Map.of());

		assertThat(list.body()).contains(CALL_SID).contains("+442071838750").contains("completed");
		assertThat(bySid.statusCode()).isEqualTo(303);
		assertThat(one.body()).contains("Hello &lt;there&gt;").doesNotContain("href=\"https://api.twilio.com");
		assertThat(call.statusCode()).isEqualTo(303);
		verify(postRequestedFor(urlEqualTo("/api/calls"))
			.withRequestBody(equalToJson("{\"ticketId\":\"4711\",\"agentPhone\":\"+442079460001\"}")));
	}

	static final String SESSION = """
			{"id":"%s","ticketId":"4711","provider":"teamviewer","providerSessionId":"s12-345-678","state":"started",
			 "agentUrl":"https://go.teamviewer.example/agent-secret","customerUrl":"https://go.teamviewer.example/customer-secret",
			 "expiresAt":"2026-12-02T18:00:00Z","agentEmail":"agent@example.com","startedVia":"api",
			 "createdAt":"2026-12-02T16:00:00Z","startedAt":"2026-12-02T16:01:00Z",
			 "history":[{"kind":"started","source":"vendor","occurredAt":"2026-12-02T16:01:00Z",
			   "recordedAt":"2026-12-02T16:01:01Z","applied":true,"stateAfter":"started","detail":"by <agent>"}]}"""
		.formatted(SESSION_ID);

	@Test
	void showsATicketsSessionsWithoutTheirLinksAndEndsOne() {
		stubFor(get(urlEqualTo("/api/sessions?ticketId=4711")).willReturn(okJson("[" + SESSION + "]")));
		stubFor(get(urlEqualTo("/api/sessions/" + SESSION_ID)).willReturn(okJson(SESSION)));
		stubFor(post(urlEqualTo("/api/sessions/" + SESSION_ID + "/end"))
			.willReturn(okJson(SESSION.replace("\"state\":\"started\"", "\"state\":\"ended\""))));

		HttpResponse<String> list = this.console.page("/console/sessions?ticketId=4711");
		HttpResponse<String> one = this.console.page("/console/sessions/" + SESSION_ID);
		HttpResponse<String> end = this.console.post("/console/sessions/" + SESSION_ID + "/end",
				form("_csrf", csrfOf(one.body())), Map.of());

		assertThat(list.body()).contains(SESSION_ID).contains("teamviewer").doesNotContain("secret");
		assertThat(one.body()).contains("s12-345-678")
			.contains("by &lt;agent&gt;")
			.contains("issued (not shown here)")
			.contains("End the session")
			.doesNotContain("secret");
		assertThat(end.statusCode()).isEqualTo(303);
		verify(1, postRequestedFor(urlEqualTo("/api/sessions/" + SESSION_ID + "/end")));
	}

}
