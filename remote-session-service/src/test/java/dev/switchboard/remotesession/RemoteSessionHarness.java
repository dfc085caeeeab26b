package dev.switchboard.remotesession;

import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.access.InternalTokenProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test's side of the service, injected into every
 * {@link RemoteSessionIntegrationTest}: calls the API with the internal token, stubs the
 * TeamViewer fake, publishes what the gateway and crm-bridge would publish, collects what
 * the service sends ({@code tickets.commands}, {@code sessions.events}) from queues it
 * declares before the first test publishes anything, and reads a session's state and a
 * Guacamole link.
 */
@TestComponent
public class RemoteSessionHarness {

	private static final String COMMANDS_QUEUE = "test.tickets.commands";

	private static final String EVENTS_QUEUE = "test.sessions.events";

	// collected once for every context of the run: contexts with properties of their own
	// share the vhost, and whichever drains a message keeps it for all
	private static final ConcurrentLinkedQueue<TicketCommand> commands = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<SessionEvent> events = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<String> commandMessageIds = new ConcurrentLinkedQueue<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RabbitTemplate rabbit;

	private final Environment environment;

	RemoteSessionHarness(JdbcClient jdbc, JsonMapper json, RabbitTemplate rabbit, AmqpAdmin admin,
			Environment environment) {
		this.jdbc = jdbc;
		this.json = json;
		this.rabbit = rabbit;
		this.environment = environment;
		declare(admin, COMMANDS_QUEUE, Destinations.TICKETS_COMMANDS);
		declare(admin, EVENTS_QUEUE, Destinations.SESSIONS_EVENTS);
	}

	/** A client of the TeamViewer fake. */
	public WireMock teamviewer() {
		URI url = URI.create(this.environment.getRequiredProperty("remote-session.teamviewer.base-url"));
		return new WireMock(url.getHost(), url.getPort());
	}

	public String baseUrl() {
		// the server's port is known once it started, after this bean was made
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	public HttpResponse<String> api(String method, String path, @Nullable String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header(InternalTokenProperties.HEADER, RemoteSessionIntegrationTest.TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	/** Stubs TeamViewer's session creation for this ticket with the given code. */
	public void stubTeamviewerCreates(String ticketId, String code) {
		teamviewer().register(WireMock.post(WireMock.urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(WireMock.containing("Ticket " + ticketId + " "))
			.willReturn(WireMock.okJson(fixture("teamviewer/session-created.json",
					Map.of("code", code, "description", "Ticket " + ticketId)))));
	}

	/** Publishes a delivery the way the gateway does. */
	public void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	/** Publishes a ticket event the way crm-bridge-service does (tickets.events). */
	public void publish(TicketEvent event) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(event.eventId().toString());
		properties.setCorrelationId(event.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, Destinations.TICKETS_EVENTS,
				new Message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(event), properties));
	}

	/** A vendor's pushed session event as the gateway publishes it. */
	public InboundDelivery pushed(String type, String providerSessionId, Instant occurredAt, String durationSeconds,
			String endReason, String recordingUrl) {
		String deliveryId = "msg_" + UUID.randomUUID().toString().replace("-", "");
		byte[] body = fixture("remote-session/session-event.json",
				Map.of("type", type, "providerSessionId", providerSessionId, "occurredAt", occurredAt.toString(),
						"durationSeconds", durationSeconds, "endReason", endReason, "recordingUrl", recordingUrl))
			.getBytes(StandardCharsets.UTF_8);
		return InboundDelivery.of("corr-" + deliveryId, Provider.REMOTE_SESSION, type, deliveryId, Instant.now(),
				Map.of("webhook-id", deliveryId), body);
	}

	/** The ticket commands published for a ticket so far. */
	public List<TicketCommand> commandsFor(String ticketId) {
		drain();
		return commands.stream().filter((command) -> command.ticketId().equals(ticketId)).toList();
	}

	/** The AMQP message ids of all ticket commands published so far. */
	public List<String> commandMessageIds() {
		drain();
		return List.copyOf(commandMessageIds);
	}

	public List<SessionEvent> eventsFor(String ticketId) {
		drain();
		return events.stream().filter((event) -> event.ticketId().equals(ticketId)).toList();
	}

	public String stateOf(UUID sessionId) {
		return this.jdbc.sql("select state from remote_session where id = ?")
			.param(sessionId)
			.query(String.class)
			.single();
	}

	/**
	 * Undoes guacamole-auth-json's encoding independently of the service's code:
	 * AES-128-CBC with a zero IV, then checks the HMAC-SHA256 prefix; the JSON of an
	 * agent link.
	 */
	public JsonNode guacamolePayload(String agentUrl) {
		try {
			return this.json.readTree(decryptGuacamoleData(agentUrl.substring(agentUrl.indexOf("data=") + 5)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decryptGuacamoleData(String urlEncodedData) throws GeneralSecurityException {
		byte[] key = HexFormat.of().parseHex(RemoteSessionIntegrationTest.GUACAMOLE_KEY);
		String data = URLDecoder.decode(urlEncodedData, StandardCharsets.UTF_8);
		Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
		byte[] signed = cipher.doFinal(Base64.getDecoder().decode(data));
		byte[] signature = Arrays.copyOfRange(signed, 0, 32);
		byte[] json = Arrays.copyOfRange(signed, 32, signed.length);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		assertThat(MessageDigest.isEqual(signature, mac.doFinal(json))).as("HMAC-SHA256 signature").isTrue();
		return new String(json, StandardCharsets.UTF_8);
	}

	private void drain() {
		synchronized (RemoteSessionHarness.class) {
			Message message;
			while ((message = this.rabbit.receive(COMMANDS_QUEUE)) != null) {
				commands.add(this.json.readValue(message.getBody(), TicketCommand.class));
				commandMessageIds.add(message.getMessageProperties().getMessageId());
			}
			while ((message = this.rabbit.receive(EVENTS_QUEUE)) != null) {
				events.add(this.json.readValue(message.getBody(), SessionEvent.class));
			}
		}
	}

	private static void declare(AmqpAdmin admin, String queue, String exchange) {
		// the same exchange the binder declares on the first publish (durable topic)
		admin.declareExchange(new TopicExchange(exchange, true, false));
		admin.declareQueue(new Queue(queue, true, false, false));
		admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, exchange, "#", null));
	}

}
