package dev.switchboard.statuspage.posting.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Each way Slack can fail, mapped at the adapter boundary. */
class SlackWebApiMessagesTests {

	static WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());

	static final IncidentView VIEW = new IncidentView(UUID.randomUUID(), UUID.randomUUID(), "p3zrvw7mg8hd",
			"Elevated error rates", "https://status.example-cdn.com/incidents/p3zrvw7mg8hd", "investigating",
			"We are investigating.", "major", List.of("CDN"), Instant.parse("2026-11-23T10:09:00Z"), "opened");

	SlackWebApiMessages messages;

	@BeforeAll
	static void start() {
		slack.start();
	}

	@AfterAll
	static void stop() {
		slack.stop();
	}

	@BeforeEach
	void messages() {
		slack.resetAll();
		// a read timeout of 2 s: shorter ones timed out on answers of a loaded 2-core
		// machine
		this.messages = new SlackWebApiMessages(new SlackProperties(URI.create(slack.baseUrl()), "xoxb-test",
				Duration.ofSeconds(1), Duration.ofSeconds(2), false, Duration.ofSeconds(1), 600, 45, 3,
				Duration.ofMillis(10), Duration.ofMinutes(5)), JsonMapper.builder().build(), new SimpleMeterRegistry());
	}

	@Test
	void postsAParentWithTheBotTokenAndReturnsItsTs() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.000100\"}")));

		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1")).isEqualTo(new PostResult.Posted("1.000100"));
		slack.verify(postRequestedFor(urlEqualTo("/chat.postMessage")).withHeader("Authorization",
				equalTo("Bearer xoxb-test")));
	}

	@Test
	void retriesAServerErrorToAnEditButTakesOneToAPostAsUnknownWithoutPostingAgain() {
		slack.stubFor(
				post("/chat.update").inScenario("5xx").willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
		slack.stubFor(post("/chat.update").inScenario("5xx")
			.whenScenarioStateIs("up")
			.willReturn(ok("{\"ok\":true,\"ts\":\"1.000100\"}")));
		slack.stubFor(post("/chat.postMessage").willReturn(aResponse().withStatus(503)));

		assertThat(this.messages.updateParent("C0123ABCD", "1.000100", VIEW, "monitoring"))
			.isEqualTo(new PostResult.Posted("1.000100"));
		slack.verify(2, postRequestedFor(urlEqualTo("/chat.update")));
		assertThat(this.messages.postReply("C0123ABCD", "1.000100", VIEW, false, "sb:2"))
			.isEqualTo(new PostResult.Unknown("slack HTTP 503"));
		slack.verify(1, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void takesATimeoutAfterSendingAsUnknownWithoutPostingAgain() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":true,\"ts\":\"3\"}").withFixedDelay(3000)));

		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1")).isInstanceOf(PostResult.Unknown.class);
		slack.verify(1, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void retriesAPostThatCouldNotConnect() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		SlackWebApiMessages unreachable = new SlackWebApiMessages(
				new SlackProperties(URI.create("http://127.0.0.1:" + closed), "xoxb-test", Duration.ofSeconds(1),
						Duration.ofMillis(700), false, Duration.ofSeconds(1), 600, 45, 3, Duration.ofMillis(10),
						Duration.ofMinutes(5)),
				JsonMapper.builder().build(), new SimpleMeterRegistry());

		assertThat(unreachable.postParent("C0123ABCD", VIEW, "sb:1")).isInstanceOf(PostResult.Transient.class);
	}

	@Test
	void carriesTheClientIdAsMetadataAndFindsThePostByIt() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":true,\"ts\":\"4.000100\"}")));
		this.messages.postReply("C0123ABCD", "1.000100", VIEW, false, "sb:s:u");
		slack.verify(postRequestedFor(urlEqualTo("/chat.postMessage"))
			.withRequestBody(matchingJsonPath("$.metadata.event_type", equalTo("switchboard_update")))
			.withRequestBody(matchingJsonPath("$.metadata.event_payload.delivery", equalTo("sb:s:u"))));

		slack.stubFor(get(urlPathEqualTo("/conversations.history")).willReturn(ok("""
				{"ok":true,"messages":[{"type":"message","ts":"5.000100","text":"other"}],"has_more":true,
				 "response_metadata":{"next_cursor":"page2"}}
				""")));
		slack.stubFor(get(urlPathEqualTo("/conversations.history")).withQueryParam("cursor", equalTo("page2"))
			.willReturn(
					ok("""
							{"ok":true,"messages":[{"type":"message","ts":"6.000100","metadata":{"event_type":"switchboard_update",
							 "event_payload":{"delivery":"sb:s:p"}}}],"response_metadata":{"next_cursor":""}}
							""")));
		slack.stubFor(get(urlPathEqualTo("/conversations.replies")).willReturn(ok("""
				{"ok":true,"messages":[{"type":"message","ts":"1.000100"}]}
				""")));

		assertThat(this.messages.find("C0123ABCD", null, "sb:s:p", Instant.parse("2026-11-23T10:00:00.5Z")))
			.isEqualTo(new SlackLookup.Found("6.000100"));
		slack.verify(getRequestedFor(urlPathEqualTo("/conversations.history"))
			.withQueryParam("channel", equalTo("C0123ABCD"))
			.withQueryParam("include_all_metadata", equalTo("true"))
			.withQueryParam("oldest", equalTo("1795428000.500000")));
		assertThat(this.messages.find("C0123ABCD", "1.000100", "sb:s:r", Instant.parse("2026-11-23T10:00:00Z")))
			.isEqualTo(new SlackLookup.NotFound());
		slack.verify(
				getRequestedFor(urlPathEqualTo("/conversations.replies")).withQueryParam("ts", equalTo("1.000100")));
	}

	@Test
	void takesAMalformedAnswerToAPostAsUnknownAndToAnEditAsTransient() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("<html>Bad gateway</html>")));
		slack.stubFor(post("/chat.update").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1")).isInstanceOf(PostResult.Unknown.class);
		assertThat(this.messages.updateParent("C0123ABCD", "1.000100", VIEW, "monitoring"))
			.isInstanceOf(PostResult.Transient.class);
	}

	@Test
	void parksFor429RetryAfterWithoutRetryingItself() {
		slack.stubFor(post("/chat.postMessage").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1"))
			.isEqualTo(new PostResult.RetryAfter(Duration.ofSeconds(7), "slack 429"));
		slack.verify(1, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void mapsChannelAndAuthErrorsToABrokenChannelAndOthersToARejection() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"channel_not_found\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1"))
			.isEqualTo(new PostResult.ChannelBroken("channel_not_found"));

		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"invalid_auth\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1"))
			.isEqualTo(new PostResult.ChannelBroken("invalid_auth"));

		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"msg_too_long\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW, "sb:1"))
			.isEqualTo(new PostResult.Rejected("msg_too_long"));
		slack.verify(3, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
