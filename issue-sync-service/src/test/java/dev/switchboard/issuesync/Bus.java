package dev.switchboard.issuesync;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.IssueEvent;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The test's side of the broker: publishes what crm-bridge and the gateway would publish,
 * and collects what issue-sync sends ({@code tickets.commands} from crm-bridge's queue,
 * {@code issues.events} from a test queue).
 */
public final class Bus {

	public static final String COMMANDS_QUEUE = Destinations.queue(Destinations.TICKETS_COMMANDS,
			ServiceNames.CRM_BRIDGE);

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final String eventsQueue;

	private final List<Received<TicketCommand>> commands = new ArrayList<>();

	private final List<IssueEvent> events = new ArrayList<>();

	public Bus(RabbitTemplate rabbit, JsonMapper json) {
		this.rabbit = rabbit;
		this.json = json;
		RabbitAdmin admin = new RabbitAdmin(rabbit.getConnectionFactory());
		Queue queue = new Queue("test.issues.events." + UUID.randomUUID(), false, true, true);
		admin.declareQueue(queue);
		TopicExchange exchange = new TopicExchange(Destinations.ISSUES_EVENTS);
		admin.declareExchange(exchange);
		admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("#"));
		this.eventsQueue = queue.getName();
	}

	public void publish(TicketEvent event) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(event.eventId().toString());
		properties.setCorrelationId(event.correlationId());
		this.rabbit.send(Destinations.TICKETS_EVENTS, "note",
				new Message(this.json.writerFor(TicketEvent.class).writeValueAsBytes(event), properties));
	}

	public void publish(InboundDelivery delivery) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(),
				new Message(this.json.writeValueAsBytes(delivery), properties));
	}

	public static NoteAdded internalNote(String ticketId, String body) {
		return note(ticketId, body, false, false);
	}

	public static NoteAdded note(String ticketId, String body, boolean publicNote, boolean bySwitchboard) {
		UUID id = UUID.randomUUID();
		return new NoteAdded(1, id, "corr-" + id, ticketId, Instant.now(), "c-" + id, body, publicNote,
				new Author("9001", "Ada Agent", "ada@example.com", null), bySwitchboard);
	}

	public static InboundDelivery delivery(Provider provider, String eventType, String deliveryId, String body) {
		return InboundDelivery.of("corr-" + deliveryId, provider, eventType, deliveryId, Instant.now(),
				Map.of("x-github-event", eventType), body.getBytes(StandardCharsets.UTF_8));
	}

	/** Every command received so far for the ticket, with its AMQP message id. */
	public synchronized List<Received<TicketCommand>> commandsFor(String ticketId) {
		drain();
		return this.commands.stream().filter((received) -> received.payload().ticketId().equals(ticketId)).toList();
	}

	/** The payloads of every command received so far for the ticket. */
	public List<TicketCommand> payloadsFor(String ticketId) {
		return commandsFor(ticketId).stream().map(Received::payload).toList();
	}

	/** The bodies of the internal notes received so far for the ticket. */
	public List<String> notesFor(String ticketId) {
		return payloadsFor(ticketId).stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

	/** Every command received so far. */
	public synchronized List<TicketCommand> allCommands() {
		drain();
		return this.commands.stream().map(Received::payload).toList();
	}

	public synchronized List<IssueEvent> eventsAbout(String issueId) {
		Message message;
		while ((message = this.rabbit.receive(this.eventsQueue)) != null) {
			this.events.add(this.json.readValue(message.getBody(), IssueEvent.class));
		}
		return this.events.stream().filter((event) -> event.issueId().equals(issueId)).toList();
	}

	private void drain() {
		Message message;
		while ((message = this.rabbit.receive(COMMANDS_QUEUE)) != null) {
			this.commands.add(new Received<>(this.json.readValue(message.getBody(), TicketCommand.class),
					message.getMessageProperties().getMessageId()));
		}
	}

	/** A message and its AMQP {@code message_id}. */
	public record Received<T>(T payload, @Nullable String messageId) {
	}

}
