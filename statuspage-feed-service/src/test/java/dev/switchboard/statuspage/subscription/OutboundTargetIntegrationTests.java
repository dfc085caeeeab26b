package dev.switchboard.statuspage.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.statuspage.AdminApi;
import dev.switchboard.statuspage.Fixtures;
import dev.switchboard.statuspage.StatuspageIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Teams and webhook targets as a deployment sees them (https only, no address of ours):
 * refused at the API whatever their spelling, with a problem that says why, and a target
 * stored before these rules is neither resumed nor connected to. A context of its own on
 * a database of its own (its application name), so its refusals never touch the rows of
 * the tests that post to WireMock over http on localhost.
 */
@StatuspageIntegrationTest
@TestPropertySource(properties = "spring.application.name=statuspage-feed-targets")
class OutboundTargetIntegrationTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	JsonMapper json;

	AdminApi api;

	@DynamicPropertySource
	static void asDeployed(DynamicPropertyRegistry registry) {
		registry.add("statuspage-feed.allow-private-addresses", () -> "false");
		registry.add("statuspage-feed.allow-insecure-targets", () -> "false");
	}

	@BeforeEach
	void api() {
		this.api = new AdminApi(this.port);
	}

	@Test
	void refusesTeamsAndWebhookTargetsThatAreNotHttps() {
		for (String url : List.of("http://hooks.example.com/in", "HTTP://hooks.example.com/in",
				"hTTp://hooks.example.com:443/in")) {
			HttpResponse<String> webhook = this.api.post("/api/subscriptions", webhook(url));
			HttpResponse<String> teams = this.api.post("/api/subscriptions", teams(url + "?sig=abc"));

			assertThat(webhook.statusCode()).as(url).isEqualTo(400);
			assertThat(webhook.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(this.api.json(webhook).path("detail").asString()).isEqualTo("channel.url must use https");
			assertThat(this.api.json(teams).path("detail").asString()).isEqualTo("channel.webhookUrl must use https");
		}
		assertThat(this.api.post("/api/subscriptions", webhook("https://hooks.example.com/in")).statusCode())
			.isEqualTo(201);
	}

	@Test
	void refusesTargetsAndFeedsOnOurOwnAddressesHoweverTheyAreSpelled() {
		List<String> spellings = List.of("https://127.0.0.1/", "https://127.1/", "https://0x7f000001/",
				"https://2130706433/", "https://0177.0.0.1/", "https://017700000001/", "https://127.0.0.1./",
				"https://0/", "https://[::1]/", "https://[::]/", "https://[::ffff:127.0.0.1]/",
				"https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[::a9fe:a9fe]/",
				"https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b:1::a00:1]/", "https://[2002:a9fe:a9fe::]/",
				"https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "https://[fd00::1]/", "https://[fe80::1]/",
				"https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/", "https://192.168.1.1/",
				"https://100.64.0.1/", "https://good.example.com@127.0.0.1/", "https://user:pw@[::1]:8443/x",
				"HTTPS://LOCALHOST/", "https://localhost./", "https://api.localhost/", "https://%31%32%37.0.0.1/",
				"https://127。0。0。1/", "https://127.0.0.1\\@good.example.com/");
		for (String url : spellings) {
			HttpResponse<String> webhook = this.api.post("/api/subscriptions", webhook(url));
			HttpResponse<String> feed = this.api.post("/api/subscriptions", """
					{"name": "Acme", "source": {"type": "feed", "url": "%s"},
					 "channel": {"type": "slack", "channelId": "CTARGET01"}}
					""".formatted(url.replace("\\", "\\\\")));

			assertThat(webhook.statusCode()).as(url).isEqualTo(400);
			assertThat(this.api.json(webhook).path("detail").asString()).as(url).startsWith("channel.url ");
			assertThat(feed.statusCode()).as(url).isEqualTo(400);
			assertThat(this.api.json(feed).path("detail").asString()).as(url).startsWith("source.url ");
		}
		HttpResponse<String> literal = this.api.post("/api/subscriptions", webhook("https://[::ffff:10.1.2.3]/"));
		assertThat(this.api.json(literal).path("detail").asString()).isEqualTo("channel.url is not a public address");
		assertThat(this.api.post("/api/subscriptions", webhook("https://93.184.215.14/in")).statusCode())
			.isEqualTo(201);
	}

	@Test
	void doesNotResumeATargetStoredBeforeItWasRefused() {
		String id = this.api.subscribe(webhook("https://hooks.example.com/resume"));
		// as a row stored before https was required
		this.jdbc.sql("update subscription set channel_target = ?, state = 'failing' where id = ?")
			.params("http://hooks.example.com/resume", UUID.fromString(id))
			.update();

		HttpResponse<String> resumed = this.api.patch("/api/subscriptions/" + id, "{\"state\": \"active\"}");

		assertThat(resumed.statusCode()).isEqualTo(400);
		assertThat(this.api.json(resumed).path("detail").asString()).isEqualTo("channel.url must use https");
		assertThat(this.api.json(this.api.get("/api/subscriptions/" + id)).path("state").asString())
			.isEqualTo("failing");
	}

	@Test
	void neverConnectsToAnIpLiteralTargetStoredBeforeItWasRefusedAndSaysSoWithoutItsAddress() throws Exception {
		try (ServerSocket internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String page = "pgtarget0001";
			String id = this.api.subscribe("""
					{"name": "Acme", "source": {"type": "statuspage", "pageId": "%s",
					 "feedUrl": "https://status.example.com/history.atom"},
					 "channel": {"type": "webhook", "url": "https://hooks.example.com/in", "secret": "%s"}}
					""".formatted(page, SECRET));
			// as a row stored before IP literals were refused at the API
			this.jdbc.sql("update subscription set channel_target = ? where id = ?")
				.params("https://[::ffff:127.0.0.1]:" + internal.getLocalPort() + "/hook", UUID.fromString(id))
				.update();

			publish(page);

			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(subscription(id).path("state").asString()).isEqualTo("failing"));
			String reason = subscription(id).path("failureReason").asString();
			assertThat(reason).isEqualTo("webhook target is not a public address")
				.doesNotContain(Integer.toString(internal.getLocalPort()))
				.doesNotContain("127.0.0.1");
			internal.setSoTimeout(300);
			assertThat(accepted(internal)).as("a connection reached the internal port").isFalse();
		}
	}

	private JsonNode subscription(String id) {
		return this.api.json(this.api.get("/api/subscriptions/" + id));
	}

	private static boolean accepted(ServerSocket socket) throws IOException {
		try {
			socket.accept().close();
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private void publish(String page) throws Exception {
		String body = Fixtures.text("statuspage/incident-billing-impact-none.json").replace("pg7cdn01xyz9", page);
		String updateId = this.json.readTree(body)
			.path("incident")
			.path("incident_updates")
			.get(0)
			.path("id")
			.asString();
		InboundDelivery delivery = InboundDelivery.of("corr-" + UUID.randomUUID(), Provider.STATUSPAGE, "incident",
				page + "-" + updateId, Instant.now(), Map.of(), body.getBytes(StandardCharsets.UTF_8));
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	private static String webhook(String url) {
		return """
				{"name": "Acme", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
				 "channel": {"type": "webhook", "url": "%s", "secret": "%s"}}
				""".formatted(url.replace("\\", "\\\\"), SECRET);
	}

	private static String teams(String url) {
		return """
				{"name": "Acme", "source": {"type": "feed", "url": "https://status.example.com/history.rss"},
				 "channel": {"type": "teams", "webhookUrl": "%s"}}
				""".formatted(url);
	}

}
