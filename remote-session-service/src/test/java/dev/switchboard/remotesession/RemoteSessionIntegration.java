package dev.switchboard.remotesession;

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
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.remotesession.access.InternalTokenProperties;
import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of this module's integration tests: the real RabbitMQ (this
 * run's vhost) and PostgreSQL (this run's database), TeamViewer faked by WireMock (with
 * its real wire format), short intervals and back-offs, Guacamole recording and drive
 * paths configured, and a current and a previous key for the secrets at rest. Every test
 * uses its own ticket ids and session codes, so tests never see each other's stubs, rows
 * or messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "switchboard.internal-token=" + RemoteSessionIntegration.TOKEN,
				"remote-session.teamviewer.token=test-teamviewer-token", "remote-session.teamviewer.read-timeout=1s",
				"remote-session.teamviewer.max-short-wait=2s",
				"remote-session.guacamole.base-url=https://guac.example.test/guacamole",
				"remote-session.guacamole.secret-key=" + RemoteSessionIntegration.GUACAMOLE_KEY,
				"remote-session.guacamole.recording-path=" + RemoteSessionIntegration.RECORDING_PATH,
				"remote-session.guacamole.drive-path=" + RemoteSessionIntegration.DRIVE_PATH,
				"switchboard.encryption.key=" + RemoteSessionIntegration.ENCRYPTION_KEY,
				"switchboard.encryption.previous-keys=" + RemoteSessionIntegration.PREVIOUS_ENCRYPTION_KEY,
				"remote-session.poll-interval=300ms", "remote-session.outbox-relay-interval=300ms",
				"remote-session.parked-starts.first-wait=1s", "remote-session.parked-starts.max-wait=2s",
				"resilience4j.retry.configs.teamviewer.wait-duration=50ms" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "teamviewer", baseUrlProperties = "remote-session.teamviewer.base-url") })
public abstract class RemoteSessionIntegration {

	protected static final String TOKEN = "test-internal-token-0123456789";

	protected static final String GUACAMOLE_KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	protected static final String RECORDING_PATH = "/var/lib/guacamole/recordings";

	protected static final String DRIVE_PATH = "/var/lib/guacamole/drives";

	/** The current key of stored secrets. */
	protected static final String ENCRYPTION_KEY = "KHMg1qDNs6Q2w3zLfLEGq0UKoK6Aqp8kYUiALVsg0VA=";

	/** A key rotated out: what it encrypted must stay readable. */
	protected static final String PREVIOUS_ENCRYPTION_KEY = "QvDY4Fa8Ykm5lVjH3qMnOW6O1Eop0Mec9v6TxRTcVio=";

	private static final String COMMANDS_QUEUE = "test.tickets.commands";

	private static final String EVENTS_QUEUE = "test.sessions.events";

	private static final ConcurrentLinkedQueue<TicketCommand> commands = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<SessionEvent> events = new ConcurrentLinkedQueue<>();

	private static final ConcurrentLinkedQueue<String> commandMessageIds = new ConcurrentLinkedQueue<>();

	private static volatile boolean declared;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected RabbitTemplate rabbit;

	@Autowired
	private AmqpAdmin admin;

	@LocalServerPort
	private int port;

	@Value("${remote-session.teamviewer.base-url}")
	private String teamviewerUrl;

	/** A client of the TeamViewer fake. */
	protected WireMock teamviewer() {
		URI url = URI.create(this.teamviewerUrl);
		return new WireMock(url.getHost(), url.getPort());
	}

	protected static String newTicketId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/** A TeamViewer session code no other test uses, in TeamViewer's format. */
	protected static String newSessionCode() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "s%02d-%03d-%03d".formatted(random.nextInt(100), random.nextInt(1000), random.nextInt(1000));
	}

	protected static String fixture(String path, Map<String, String> values) {
		try {
			String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
			for (Map.Entry<String, String> value : values.entrySet()) {
				text = text.replace("{{" + value.getKey() + "}}", value.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected HttpResponse<String> api(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(InternalTokenProperties.HEADER, TOKEN)
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

	protected JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	protected static String startBody(String ticketId, String provider, String agentEmail) {
		return """
				{"ticketId":"%s","provider":"%s","agentEmail":"%s","customer":{"name":"Carla Customer","email":"carla@customer.example"}}
				"""
			.formatted(ticketId, provider, agentEmail);
	}

	/** Stubs TeamViewer's session creation for this ticket with the given code. */
	protected void stubTeamviewerCreates(String ticketId, String code) {
		teamviewer().register(WireMock.post(WireMock.urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(WireMock.containing("Ticket " + ticketId + " "))
			.willReturn(WireMock.okJson(fixture("teamviewer/session-created.json",
					Map.of("code", code, "description", "Ticket " + ticketId)))));
	}

	/** Publishes a delivery the way the gateway does. */
	protected void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	/** Publishes a ticket event the way crm-bridge-service does (tickets.events). */
	protected void publish(TicketEvent event) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(event.eventId().toString());
		properties.setCorrelationId(event.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, Destinations.TICKETS_EVENTS,
				new Message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(event), properties));
	}

	/** A note an agent wrote on a ticket, as crm-bridge-service publishes it. */
	protected static NoteAdded note(String ticketId, String body, Author author) {
		UUID eventId = UUID.randomUUID();
		return new NoteAdded(1, eventId, "corr-" + eventId, ticketId, Instant.now(), "c-" + eventId, body, false,
				author, false);
	}

	protected InboundDelivery pushed(String type, String providerSessionId, Instant occurredAt, String durationSeconds,
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
	protected List<TicketCommand> commandsFor(String ticketId) {
		drain();
		return commands.stream().filter((command) -> command.ticketId().equals(ticketId)).toList();
	}

	/** The AMQP message ids of all ticket commands published so far. */
	protected List<String> commandMessageIds() {
		drain();
		return List.copyOf(commandMessageIds);
	}

	protected List<SessionEvent> eventsFor(String ticketId) {
		drain();
		return events.stream().filter((event) -> event.ticketId().equals(ticketId)).toList();
	}

	protected String stateOf(UUID sessionId) {
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
	protected JsonNode guacamolePayload(String agentUrl) {
		try {
			return this.json.readTree(decryptGuacamoleData(agentUrl.substring(agentUrl.indexOf("data=") + 5)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String decryptGuacamoleData(String urlEncodedData) throws GeneralSecurityException {
		byte[] key = HexFormat.of().parseHex(GUACAMOLE_KEY);
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

	/**
	 * Records what the service publishes, from before the first test publishes anything.
	 */
	@BeforeEach
	void recordWhatIsPublished() {
		synchronized (RemoteSessionIntegration.class) {
			if (!declared) {
				declare(COMMANDS_QUEUE, Destinations.TICKETS_COMMANDS);
				declare(EVENTS_QUEUE, Destinations.SESSIONS_EVENTS);
				declared = true;
			}
		}
	}

	private synchronized void drain() {
		Message message;
		while ((message = this.rabbit.receive(COMMANDS_QUEUE)) != null) {
			commands.add(this.json.readValue(message.getBody(), TicketCommand.class));
			commandMessageIds.add(message.getMessageProperties().getMessageId());
		}
		while ((message = this.rabbit.receive(EVENTS_QUEUE)) != null) {
			events.add(this.json.readValue(message.getBody(), SessionEvent.class));
		}
	}

	private void declare(String queue, String exchange) {
		// the same exchange the binder declares on the first publish (durable topic)
		this.admin.declareExchange(new TopicExchange(exchange, true, false));
		this.admin.declareQueue(new Queue(queue, true, false, false));
		this.admin.declareBinding(new Binding(queue, Binding.DestinationType.QUEUE, exchange, "#", null));
	}

}
