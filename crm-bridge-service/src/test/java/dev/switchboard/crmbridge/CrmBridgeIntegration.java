package dev.switchboard.crmbridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.testsupport.RealBrokerAndDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Spring context of this module's integration tests: the real RabbitMQ (this
 * run's vhost) and PostgreSQL (this run's database), Zendesk and Twilio faked by
 * WireMock, short intervals and back-offs. Every test uses its own ticket ids, so tests
 * never see each other's stubs or rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"switchboard.internal-token=test-internal-token-0123456789", "crm-bridge.zendesk.email=switchboard@example.com",
		"crm-bridge.zendesk.api-token=test-zendesk-token", "crm-bridge.zendesk.read-timeout=1s",
		"crm-bridge.commands.drain-interval=100ms", "crm-bridge.commands.failure-backoff=100ms",
		"crm-bridge.commands.max-failures=3", "crm-bridge.commands.auth-recheck=500ms",
		"crm-bridge.commands.requests-per-minute=100000", "resilience4j.retry.instances.zendesk.wait-duration=10ms",
		"resilience4j.retry.instances.twilio.wait-duration=10ms",
		"crm-bridge.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
		"crm-bridge.twilio.auth-token=test-twilio-auth-token", "crm-bridge.twilio.read-timeout=1s",
		"crm-bridge.twilio.from-number=+18005551212", "crm-bridge.calls.gateway-url=https://switchboard.example.com",
		"crm-bridge.calls.end-note-grace=2s", "crm-bridge.parking.backoff=200ms",
		"crm-bridge.parking.check-interval=200ms", "crm-bridge.calls.allowed-destinations=US,GB" })
@ContextConfiguration(initializers = RealBrokerAndDatabase.class)
@EnableWireMock({ @ConfigureWireMock(name = "zendesk", baseUrlProperties = "crm-bridge.zendesk.base-url"),
		@ConfigureWireMock(name = "twilio", baseUrlProperties = "crm-bridge.twilio.base-url") })
public abstract class CrmBridgeIntegration {

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected RabbitTemplate rabbit;

	@Autowired
	protected AmqpAdmin admin;

	@Autowired
	protected JsonMapper json;

	@Value("${crm-bridge.zendesk.base-url}")
	private String zendeskUrl;

	@Value("${crm-bridge.twilio.base-url}")
	private String twilioUrl;

	/**
	 * Every ticket of the Zendesk fake has no comments unless a test says otherwise (the
	 * drainer reads them before it sends an update whose outcome was unknown again).
	 */
	@BeforeEach
	void ticketsHaveNoCommentsByDefault() {
		zendesk().register(get(urlPathMatching("/api/v2/tickets/[0-9]+/comments\\.json")).atPriority(10)
			.willReturn(okJson("{\"comments\":[],\"next_page\":null,\"previous_page\":null,\"count\":0}")));
	}

	/** A client of the Zendesk fake. */
	protected WireMock zendesk() {
		URI url = URI.create(this.zendeskUrl);
		return new WireMock(url.getHost(), url.getPort());
	}

	/**
	 * The next event about the ticket on {@code tickets.events}, as issue-sync receives
	 * it (other tickets' events are skipped).
	 */
	protected <T extends TicketEvent> T awaitTicketEvent(Class<T> type, String ticketId) {
		String queue = Destinations.queue(Destinations.TICKETS_EVENTS, ServiceNames.ISSUE_SYNC);
		long deadline = System.currentTimeMillis() + 10_000;
		while (System.currentTimeMillis() < deadline) {
			Message message = receiveIfDeclared(queue);
			if (message == null) {
				continue;
			}
			TicketEvent event = this.json.readValue(message.getBody(), TicketEvent.class);
			if (event.ticketId().equals(ticketId)) {
				assertThat(event).isInstanceOf(type);
				assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.eventId().toString());
				return type.cast(event);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " for ticket " + ticketId);
	}

	/**
	 * Waits {@code during} and fails if another event about the ticket arrives on
	 * issue-sync's queue meanwhile.
	 */
	protected void assertNoMoreTicketEvents(String ticketId, Duration during) {
		String queue = Destinations.queue(Destinations.TICKETS_EVENTS, ServiceNames.ISSUE_SYNC);
		long deadline = System.currentTimeMillis() + during.toMillis();
		while (System.currentTimeMillis() < deadline) {
			Message message = receiveIfDeclared(queue);
			if (message != null) {
				TicketEvent event = this.json.readValue(message.getBody(), TicketEvent.class);
				assertThat(event.ticketId()).as("a second event %s", event).isNotEqualTo(ticketId);
			}
		}
	}

	/**
	 * Takes every route away from {@code tickets.events} (the consumer groups' queues
	 * unbound), so that a publish there is unroutable, as after an operator's mistake or
	 * a broker that lost its bindings.
	 */
	protected void unbindTicketEventQueues() {
		ticketEventBindings().forEach(this.admin::removeBinding);
	}

	/** Puts back what {@link #unbindTicketEventQueues()} took away. */
	protected void bindTicketEventQueues() {
		ticketEventBindings().forEach(this.admin::declareBinding);
	}

	private static List<Binding> ticketEventBindings() {
		return Stream.of(ServiceNames.ISSUE_SYNC, ServiceNames.REMOTE_SESSION, ServiceNames.STATUSPAGE_FEED)
			.map((group) -> new Binding(Destinations.queue(Destinations.TICKETS_EVENTS, group),
					Binding.DestinationType.QUEUE, Destinations.TICKETS_EVENTS, "#", null))
			.toList();
	}

	/**
	 * Receives from the queue, or nothing while it is not declared.
	 */
	private @Nullable Message receiveIfDeclared(String queue) {
		try {
			return this.rabbit.receive(queue, 500);
		}
		catch (AmqpIOException ex) {
			return null;
		}
	}

	/** Publishes a delivery as the gateway does. */
	protected void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	/** Publishes a ticket command as the other services do. */
	protected void publish(TicketCommand command) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(command.commandId().toString());
		properties.setCorrelationId(command.correlationId());
		this.rabbit.send(Destinations.TICKETS_COMMANDS, "#",
				new Message(this.json.writerFor(TicketCommand.class).writeValueAsBytes(command), properties));
	}

	/** Until when the ticket's commands wait (parked), or the epoch when they do not. */
	protected Instant notBefore(String ticketId) {
		return this.jdbc.sql("select not_before from ticket_state where ticket_id = ?")
			.param(ticketId)
			.query((rows, number) -> (rows.getTimestamp(1) != null) ? rows.getTimestamp(1).toInstant() : Instant.EPOCH)
			.optional()
			.orElse(Instant.EPOCH);
	}

	/** A client of the Twilio fake. */
	protected WireMock twilio() {
		URI url = URI.create(this.twilioUrl);
		return new WireMock(url.getHost(), url.getPort());
	}

	/**
	 * Spellings of a ticket id that are not one: path tricks, signs, blanks, other
	 * scripts' digits, numbers in other notations, ids too long for Zendesk.
	 */
	protected static Stream<String> hostileTicketIds() {
		return Stream.of("../users/1", "1%2F..%2Fusers", "1/../2", "..", "-1", " 1", "1 ", "\uff11\uff12", "1e3",
				"0123", "35436?role=admin", "35436#x", "9223372036854775808", "12345678901234567890", "1".repeat(300));
	}

	/**
	 * Every URL (path and query, as sent) the Zendesk fake received; a request through a
	 * hostile id would show as a path outside {@link #WELL_FORMED_ZENDESK_PATH}.
	 */
	protected List<String> zendeskUrls() {
		return zendesk().find(RequestPatternBuilder.allRequests()).stream().map(LoggedRequest::getUrl).toList();
	}

	/** The Zendesk API paths this service calls, every id digits. */
	protected static final Pattern WELL_FORMED_ZENDESK_PATH = Pattern
		.compile("/api/v2/(tickets\\.json|users\\.json|tickets/[1-9][0-9]*\\.json|users/[1-9][0-9]*\\.json"
				+ "|tickets/[1-9][0-9]*/comments\\.json\\?sort_order=desc"
				+ "|users/[1-9][0-9]*/tickets/requested\\.json\\?sort_by=updated_at&sort_order=desc"
				+ "|search\\.json\\?query=[^/]*)");

	/** A ticket id no other test uses. */
	protected static String newTicketId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

	/**
	 * A fixture under src/test/resources with its {@code {{name}}} placeholders filled.
	 */
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

}
