package dev.switchboard.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The health page: the gateway's readiness (ready against the real broker and database),
 * each service's as its {@code /readyz} answers (WireMock stands in for all four: ready,
 * not ready with the component that is down, or not answering at all), the dead letters
 * per queue and the gateway's counters; a viewer may look.
 */
@GatewayIntegrationTest
class ConsoleHealthIntegrationTests {

	private static final String DLQ = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.ISSUE_SYNC);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	ConsoleClient console;

	@BeforeEach
	void signIn() {
		this.console = new ConsoleClient(this.port);
		this.console.signIn(GatewayIntegrationTest.VIEWER_KEY);
	}

	@Test
	void listsTheGatewayAndEveryServiceReadyWithTheirComponentsAndTheDeadLettersPerQueue() {
		stubFor(get(urlEqualTo("/readyz")).willReturn(okJson(
				"{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"},\"rabbit\":{\"status\":\"UP\"}}}")));
		this.admin.purgeQueue(DLQ, false);
		MessageProperties properties = new MessageProperties();
		properties.setMessageId("health-" + UUID.randomUUID());
		this.rabbit.send("", DLQ, new Message("{}".getBytes(StandardCharsets.UTF_8), properties));

		String page = this.console.page("/console/health").body();

		assertThat(page).contains("<h1>Health</h1>");
		assertThat(page).containsSubsequence("gateway", "ready", "db UP", "rabbit UP");
		for (String service : new String[] { ServiceNames.ISSUE_SYNC, ServiceNames.STATUSPAGE_FEED,
				ServiceNames.CRM_BRIDGE, ServiceNames.REMOTE_SESSION }) {
			assertThat(page).containsSubsequence(service, "ready", "db UP, rabbit UP");
		}
		assertThat(page).doesNotContain("badge unreachable").doesNotContain("badge not-ready");
		assertThat(page).containsSubsequence(DLQ, "1");
		assertThat(page).contains("Webhooks answered 503").contains("Body budget left");
	}

	@Test
	void showsAServiceThatAnswersDownAsNotReadyWithTheComponentThatIsDown() {
		stubFor(get(urlEqualTo("/readyz")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"},\"rabbit\":{\"status\":\"UP\"}}}")));

		String page = this.console.page("/console/health").body();

		assertThat(page).containsSubsequence(ServiceNames.CRM_BRIDGE, "not ready", "db DOWN, rabbit UP",
				"answered 503 (DOWN)");
	}

	@Test
	void showsAServiceThatDoesNotAnswerAsUnreachableWithWhatToCheckAndNoStackTrace() {
		stubFor(get(urlEqualTo("/readyz")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		var response = this.console.page("/console/health");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).containsSubsequence(ServiceNames.REMOTE_SESSION, "unreachable",
				"check that remote-session-service runs", "GATEWAY_SERVICES_REMOTESESSION");
		assertThat(response.body()).containsSubsequence("gateway", "ready");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
	}

}
