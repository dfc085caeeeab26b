package dev.switchboard.statuspage.delivery.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.statuspage.delivery.IncidentView;
import dev.switchboard.statuspage.delivery.PostResult;
import dev.switchboard.statuspage.delivery.SlackProperties;
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
		this.messages = new SlackWebApiMessages(
				new SlackProperties(URI.create(slack.baseUrl()), "xoxb-test", Duration.ofSeconds(1),
						Duration.ofMillis(700), false, Duration.ofSeconds(1), 600, 45, 3, Duration.ofMillis(10)),
				JsonMapper.builder().build(), new SimpleMeterRegistry());
	}

	@Test
	void postsAParentWithTheBotTokenAndReturnsItsTs() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.000100\"}")));

		assertThat(this.messages.postParent("C0123ABCD", VIEW)).isEqualTo(new PostResult.Posted("1.000100"));
		slack.verify(postRequestedFor(urlEqualTo("/chat.postMessage")).withHeader("Authorization",
				equalTo("Bearer xoxb-test")));
	}

	@Test
	void retriesAServerErrorAndThenSucceeds() {
		slack.stubFor(post("/chat.postMessage").inScenario("5xx")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		slack.stubFor(post("/chat.postMessage").inScenario("5xx")
			.whenScenarioStateIs("up")
			.willReturn(ok("{\"ok\":true,\"ts\":\"2.000100\"}")));

		assertThat(this.messages.postReply("C0123ABCD", "1.000100", VIEW, false))
			.isEqualTo(new PostResult.Posted("2.000100"));
		slack.verify(2, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void givesUpOnATimeoutAfterItsRetriesAsTransient() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":true,\"ts\":\"3\"}").withFixedDelay(1500)));

		assertThat(this.messages.postParent("C0123ABCD", VIEW)).isInstanceOf(PostResult.Transient.class);
		slack.verify(3, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void takesAMalformedAnswerAsTransient() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("<html>Bad gateway</html>")));
		slack.stubFor(post("/chat.update").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

		assertThat(this.messages.postParent("C0123ABCD", VIEW)).isInstanceOf(PostResult.Transient.class);
		assertThat(this.messages.updateParent("C0123ABCD", "1.000100", VIEW, "monitoring"))
			.isInstanceOf(PostResult.Transient.class);
	}

	@Test
	void parksFor429RetryAfterWithoutRetryingItself() {
		slack.stubFor(post("/chat.postMessage").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

		assertThat(this.messages.postParent("C0123ABCD", VIEW))
			.isEqualTo(new PostResult.RetryAfter(Duration.ofSeconds(7), "slack 429"));
		slack.verify(1, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	@Test
	void mapsChannelAndAuthErrorsToABrokenChannelAndOthersToARejection() {
		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"channel_not_found\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW))
			.isEqualTo(new PostResult.ChannelBroken("channel_not_found"));

		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"invalid_auth\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW)).isEqualTo(new PostResult.ChannelBroken("invalid_auth"));

		slack.stubFor(post("/chat.postMessage").willReturn(ok("{\"ok\":false,\"error\":\"msg_too_long\"}")));
		assertThat(this.messages.postParent("C0123ABCD", VIEW)).isEqualTo(new PostResult.Rejected("msg_too_long"));
		slack.verify(3, postRequestedFor(urlEqualTo("/chat.postMessage")));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
		return aResponse().withHeader("Content-Type", "application/json").withBody(body);
	}

}
