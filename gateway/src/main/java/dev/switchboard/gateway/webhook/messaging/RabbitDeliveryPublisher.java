package dev.switchboard.gateway.webhook.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.gateway.webhook.DeliveryPublisher;
import dev.switchboard.gateway.webhook.GatewayProperties;
import dev.switchboard.gateway.webhook.Publication;
import dev.switchboard.gateway.webhook.PublishOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes with publisher confirms and {@code mandatory}, then waits for the confirm.
 * Plain Spring AMQP rather than a Stream binding: the HTTP answer depends on this one
 * message's confirm and return, which a {@code RabbitTemplate} with
 * {@link CorrelationData} gives directly.
 */
@Component
class RabbitDeliveryPublisher implements DeliveryPublisher {

	static final String SCHEMA_VERSION_HEADER = "x-schema-version";

	static final String REPLAY_OF_HEADER = "replay-of";

	private final RabbitTemplate rabbit;

	private final JsonMapper json;

	private final Duration confirmTimeout;

	private final Timer confirms;

	private final Counter byReference;

	RabbitDeliveryPublisher(RabbitTemplate rabbit, JsonMapper json, GatewayProperties properties,
			MeterRegistry meters) {
		this.rabbit = rabbit;
		this.rabbit.setMandatory(true);
		this.json = json;
		this.confirmTimeout = properties.publish().confirmTimeout();
		this.confirms = Timer.builder("switchboard.publish.confirm")
			.description("Publishing a delivery until the broker confirmed (or refused) it")
			.register(meters);
		this.byReference = Counter.builder("switchboard.publish.by-reference")
			.description("Deliveries published without their body, too large for a message (kept in the log)")
			.register(meters);
	}

	@Override
	public PublishOutcome publish(Publication publication, @Nullable UUID replayOf) {
		if (publication.byReference()) {
			this.byReference.increment();
		}
		return this.confirms.record(() -> publishAndWait(publication.message(), replayOf));
	}

	private PublishOutcome publishAndWait(InboundDelivery delivery, @Nullable UUID replayOf) {
		CorrelationData confirmation = new CorrelationData(delivery.eventId().toString());
		try {
			this.rabbit.send(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(), toMessage(delivery, replayOf),
					confirmation);
			CorrelationData.Confirm confirm = confirmation.getFuture()
				.get(this.confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
			if (confirmation.getReturned() != null) {
				return new PublishOutcome.NotConfirmed("unroutable: no queue is bound for " + delivery.routingKey()
						+ " (" + confirmation.getReturned().getReplyText() + ")");
			}
			if (!confirm.ack()) {
				return new PublishOutcome.NotConfirmed("the broker refused it: " + confirm.reason());
			}
			return new PublishOutcome.Confirmed();
		}
		catch (AmqpException ex) {
			return new PublishOutcome.NotConfirmed("broker unreachable: " + ex.getMessage());
		}
		catch (TimeoutException ex) {
			return new PublishOutcome.NotConfirmed("no confirm within " + this.confirmTimeout);
		}
		catch (ExecutionException ex) {
			return new PublishOutcome.NotConfirmed("confirm failed: " + ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new PublishOutcome.NotConfirmed("interrupted while waiting for the confirm");
		}
	}

	private Message toMessage(InboundDelivery delivery, @Nullable UUID replayOf) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
		properties.setMessageId(delivery.eventId().toString());
		properties.setCorrelationId(delivery.correlationId());
		properties.setHeader(SCHEMA_VERSION_HEADER, delivery.schemaVersion());
		properties.setTimestamp(java.util.Date.from(delivery.receivedAt()));
		if (replayOf != null) {
			properties.setHeader(REPLAY_OF_HEADER, replayOf.toString());
		}
		return new Message(this.json.writeValueAsBytes(delivery), properties);
	}

}
