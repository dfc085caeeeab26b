package dev.switchboard.crmbridge;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the integration tests ({@link CrmBridgeIntegrationTest}) do to the running bridge:
 * publish as the gateway and the other services do, receive what crm-bridge publishes,
 * drive the Zendesk and Twilio fakes, read a ticket's parking.
 */
@TestComponent
public class Harness {

	private final JdbcClient jdbc;

	private final RabbitTemplate rabbit;

	private final AmqpAdmin admin;

	private final JsonMapper json;

	private final URI zendeskUrl;

	private final URI twilioUrl;

	Harness(JdbcClient jdbc, RabbitTemplate rabbit, AmqpAdmin admin, JsonMapper json,
			@Value("${crm-bridge.zendesk.base-url}") URI zendeskUrl,
			@Value("${crm-bridge.twilio.base-url}") URI twilioUrl) {
		this.jdbc = jdbc;
		this.rabbit = rabbit;
		this.admin = admin;
		this.json = json;
		this.zendeskUrl = zendeskUrl;
		this.twilioUrl = twilioUrl;
	}

	/** A client of the Zendesk fake. */
	public WireMock zendesk() {
		return new WireMock(this.zendeskUrl.getHost(), this.zendeskUrl.getPort());
	}

	/** A client of the Twilio fake. */
	public WireMock twilio() {
		return new WireMock(this.twilioUrl.getHost(), this.twilioUrl.getPort());
	}

	/**
	 * Every URL (path and query, as sent) the Zendesk fake received; a request through a
	 * hostile id would show as a path outside {@link Fixtures#WELL_FORMED_ZENDESK_PATH}.
	 */
	public List<String> zendeskUrls() {
		return zendesk().find(RequestPatternBuilder.allRequests()).stream().map(LoggedRequest::getUrl).toList();
	}

	/** Publishes a delivery as the gateway does. */
	public void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	/** Publishes a ticket command as the other services do. */
	public void publish(TicketCommand command) {
		publish(command, null);
	}

	/**
	 * Publishes a ticket command whose message names its sender in the AMQP
	 * {@code app_id} (null: it does not, as the other services publish today).
	 */
	public void publish(TicketCommand command, @Nullable String appId) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(command.commandId().toString());
		properties.setCorrelationId(command.correlationId());
		if (appId != null) {
			properties.setAppId(appId);
		}
		this.rabbit.send(Destinations.TICKETS_COMMANDS, "#",
				new Message(this.json.writerFor(TicketCommand.class).writeValueAsBytes(command), properties));
	}

	/**
	 * The next event about the ticket on {@code tickets.events}, as issue-sync receives
	 * it (other tickets' events are skipped).
	 */
	public <T extends TicketEvent> T awaitTicketEvent(Class<T> type, String ticketId) {
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
	public void assertNoMoreTicketEvents(String ticketId, Duration during) {
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
	public void unbindTicketEventQueues() {
		ticketEventBindings().forEach(this.admin::removeBinding);
	}

	/** Puts back what {@link #unbindTicketEventQueues()} took away. */
	public void bindTicketEventQueues() {
		ticketEventBindings().forEach(this.admin::declareBinding);
	}

	/** Until when the ticket's commands wait (parked), or the epoch when they do not. */
	public Instant notBefore(String ticketId) {
		return this.jdbc.sql("select not_before from ticket_state where ticket_id = ?")
			.param(ticketId)
			.query((rows, number) -> (rows.getTimestamp(1) != null) ? rows.getTimestamp(1).toInstant() : Instant.EPOCH)
			.optional()
			.orElse(Instant.EPOCH);
	}

	/**
	 * Every ticket of the Zendesk fake has no comments unless a test says otherwise (the
	 * drain reads them before it sends an update whose outcome was unknown again).
	 */
	void ticketsHaveNoCommentsByDefault() {
		zendesk().register(get(urlPathMatching("/api/v2/tickets/[0-9]+/comments\\.json")).atPriority(10)
			.willReturn(okJson("{\"comments\":[],\"next_page\":null,\"previous_page\":null,\"count\":0}")));
	}

	private static List<Binding> ticketEventBindings() {
		return Stream.of(ServiceNames.ISSUE_SYNC, ServiceNames.REMOTE_SESSION, ServiceNames.STATUSPAGE_FEED)
			.map((group) -> new Binding(Destinations.queue(Destinations.TICKETS_EVENTS, group),
					Binding.DestinationType.QUEUE, Destinations.TICKETS_EVENTS, "#", null))
			.toList();
	}

	/** Receives from the queue, or nothing while it is not declared. */
	private @Nullable Message receiveIfDeclared(String queue) {
		try {
			return this.rabbit.receive(queue, 500);
		}
		catch (AmqpIOException ex) {
			return null;
		}
	}

	/**
	 * Before each test (after WireMock's reset): no comments on any ticket of the Zendesk
	 * fake by default.
	 */
	static final class NoCommentsByDefault implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			SpringExtension.getApplicationContext(context).getBean(Harness.class).ticketsHaveNoCommentsByDefault();
		}

	}

}
