package dev.switchboard.remotesession.session.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.SessionEvent;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.remotesession.secret.SecretCipher;
import dev.switchboard.remotesession.session.OutboundMessages;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MimeTypeUtils;

/**
 * The transactional outbox: {@link #send} writes the message into {@code outbox_message}
 * in the caller's transaction (a repeat of the same id is dropped); after the commit the
 * relay publishes it through the output binding with its id as the AMQP
 * {@code message_id}. A crash between commit and publish only delays it: the relay also
 * runs on a schedule and picks up whatever is unsent ({@code FOR UPDATE SKIP LOCKED}, so
 * instances never send the same row at once). Payloads are stored encrypted
 * ({@link SecretCipher}): the invitation commands carry the session links.
 */
@Component
class OutboxMessages implements OutboundMessages {

	static final String TICKET_COMMANDS = "ticketCommands";

	static final String SESSION_EVENTS = "sessionEvents";

	private static final Duration KEEP_SENT = Duration.ofDays(7);

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(OutboxMessages.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final StreamBridge bridge;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final SecretCipher secrets;

	private final Clock clock;

	private final Executor afterCommit = Executors.newVirtualThreadPerTaskExecutor();

	OutboxMessages(JdbcClient jdbc, JsonMapper json, StreamBridge bridge, TransactionTemplate transactions,
			MeterRegistry meters, SecretCipher secrets, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.bridge = bridge;
		this.transactions = transactions;
		this.meters = meters;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Override
	public void send(TicketCommand command) {
		enqueue(command.commandId(), Destinations.TICKETS_COMMANDS, command.correlationId(),
				this.json.writerFor(TicketCommand.class).writeValueAsString(command));
	}

	@Override
	public void send(SessionEvent event) {
		enqueue(event.eventId(), Destinations.SESSIONS_EVENTS, event.correlationId(),
				this.json.writerFor(SessionEvent.class).writeValueAsString(event));
	}

	/**
	 * By primary key. A sent row is purged after a week; a message enqueued earlier and
	 * no longer here went out.
	 */
	@Override
	public Set<UUID> unsent(Collection<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("select message_id from outbox_message where message_id in (:ids) and sent_at is null")
					.param("ids", messageIds)
					.query(UUID.class)
					.list());
	}

	private void enqueue(UUID messageId, String destination, String correlationId, String payload) {
		this.jdbc.sql("""
				insert into outbox_message (message_id, destination, correlation_id, payload, created_at)
				values (?, ?, ?, ?, ?) on conflict do nothing
				""")
			.params(messageId, destination, correlationId, this.secrets.encrypt(payload),
					Timestamp.from(this.clock.instant()))
			.update();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					OutboxMessages.this.afterCommit.execute(OutboxMessages.this::relaySafely);
				}
			});
		}
	}

	@Scheduled(fixedDelayString = "${remote-session.outbox-relay-interval:2s}")
	void relaySafely() {
		try {
			Integer sent;
			do {
				sent = this.transactions.execute((status) -> relayBatch());
			}
			while (sent != null && sent > 0);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox relay failed, retrying on the next run: {}", ex.getMessage());
			this.meters.counter("switchboard.outbox.relay.failed").increment();
		}
	}

	/** Sent messages are kept a week (to see what went out), then removed. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@SchedulerLock(name = "remote-session.purge-outbox", lockAtMostFor = "PT1M")
	void purgeSent() {
		this.jdbc.sql("delete from outbox_message where sent_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(KEEP_SENT)))
			.update();
	}

	private int relayBatch() {
		List<Row> rows = this.jdbc.sql("""
				select message_id, destination, correlation_id, payload from outbox_message
				where sent_at is null order by created_at limit 100 for update skip locked
				""")
			.query((row, n) -> new Row(row.getObject("message_id", UUID.class), row.getString("destination"),
					row.getString("correlation_id"), row.getString("payload")))
			.list();
		int sent = 0;
		for (Row row : rows) {
			try {
				publish(row);
			}
			catch (RuntimeException ex) {
				// stays unsent and is tried again on the next run; the others go on
				log.warn("Outbox message {} to {} not confirmed: {}", row.messageId(), row.destination(),
						ex.getMessage());
				this.meters.counter("switchboard.outbox.relay.failed").increment();
				continue;
			}
			this.jdbc.sql("update outbox_message set sent_at = ? where message_id = ?")
				.params(Timestamp.from(this.clock.instant()), row.messageId())
				.update();
			this.meters.counter("switchboard.messages.published", "destination", row.destination()).increment();
			sent++;
		}
		return sent;
	}

	/**
	 * Publishes one message and waits for the broker's confirm. A ticket command the
	 * broker could not route (crm-bridge's queue missing) is a failure; a session event
	 * without any consumer yet is not.
	 */
	private void publish(Row row) {
		CorrelationData confirm = new CorrelationData(row.messageId().toString());
		// a payload that does not decrypt (its key was dropped from the previous keys)
		// stays
		// unsent, and the others go on
		String payload = this.secrets.decrypt(row.storedPayload());
		Message<byte[]> message = MessageBuilder.withPayload(payload.getBytes(StandardCharsets.UTF_8))
			.setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
			.setHeader("amqp_messageId", row.messageId().toString())
			.setHeader("amqp_correlationId", row.correlationId())
			.setHeader(AmqpHeaders.PUBLISH_CONFIRM_CORRELATION, confirm)
			.build();
		boolean commands = row.destination().equals(Destinations.TICKETS_COMMANDS);
		String binding = commands ? TICKET_COMMANDS : SESSION_EVENTS;
		if (!this.bridge.send(binding, message)) {
			throw new IllegalStateException("binding " + binding + " did not take the message");
		}
		CorrelationData.Confirm result;
		try {
			result = confirm.getFuture().get(CONFIRM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted waiting for the confirm", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("no confirm from the broker", ex);
		}
		if (!result.ack()) {
			throw new IllegalStateException("the broker refused it: " + result.reason());
		}
		if (commands && confirm.getReturned() != null) {
			throw new IllegalStateException("the broker could not route it to " + row.destination());
		}
	}

	private record Row(UUID messageId, String destination, String correlationId, String storedPayload) {

		@Override
		public String toString() {
			return "Row[" + this.messageId + " to " + this.destination + "]";
		}

	}

}
