package dev.switchboard.gateway.webhook.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.rabbitmq.client.AMQP;
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
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Publishes persistent and {@code mandatory} with publisher confirms, then waits for this
 * one message's confirm (or return) before the HTTP answer is given. The publishes of all
 * requests share a few {@link ConfirmingChannel}s on the application's connection, the
 * plain RabbitMQ client underneath: a {@code RabbitTemplate} with correlated confirms
 * took a cached channel per publish through a reflective proxy and handed every confirm
 * to a thread pool, and with one channel per request in flight the broker had to confirm
 * each publish on its own (issue 19: a third of the gateway's CPU went to publishing).
 */
@Component
class RabbitDeliveryPublisher implements DeliveryPublisher, DisposableBean {

	static final String SCHEMA_VERSION_HEADER = "x-schema-version";

	static final String REPLAY_OF_HEADER = "replay-of";

	private final ConfirmingChannel[] channels;

	private final AtomicInteger next = new AtomicInteger();

	private final JsonMapper json;

	private final Duration confirmTimeout;

	private final Timer confirms;

	private final Counter byReference;

	RabbitDeliveryPublisher(ConnectionFactory connections, JsonMapper json, GatewayProperties properties,
			MeterRegistry meters) {
		this.channels = IntStream.range(0, properties.publish().channels())
			.mapToObj((i) -> new ConfirmingChannel(() -> connections.createConnection().getDelegate()))
			.toArray(ConfirmingChannel[]::new);
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
		long started = System.nanoTime();
		PublishOutcome outcome = publishAndWait(publication.message(), replayOf);
		this.confirms.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		return outcome;
	}

	private PublishOutcome publishAndWait(InboundDelivery delivery, @Nullable UUID replayOf) {
		ConfirmingChannel channel = this.channels[Math.floorMod(this.next.getAndIncrement(), this.channels.length)];
		long timeoutMillis = this.confirmTimeout.toMillis();
		try {
			return channel
				.publish(Destinations.WEBHOOKS_INBOUND, delivery.routingKey(), properties(delivery, replayOf),
						this.json.writeValueAsBytes(delivery), timeoutMillis)
				.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (IOException | AmqpException ex) {
			return new PublishOutcome.NotConfirmed("broker unreachable: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// the client's AlreadyClosedException and the like: the connection went away
			return new PublishOutcome.NotConfirmed("broker unreachable: " + ex);
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

	/** The properties a Spring AMQP message of this content type, id and headers had. */
	private static AMQP.BasicProperties properties(InboundDelivery delivery, @Nullable UUID replayOf) {
		Map<String, Object> headers = new HashMap<>(4);
		headers.put(SCHEMA_VERSION_HEADER, delivery.schemaVersion());
		if (replayOf != null) {
			headers.put(REPLAY_OF_HEADER, replayOf.toString());
		}
		return new AMQP.BasicProperties.Builder().contentType(MessageProperties.CONTENT_TYPE_JSON)
			.deliveryMode(2)
			.priority(0)
			.messageId(delivery.eventId().toString())
			.correlationId(delivery.correlationId())
			.timestamp(Date.from(delivery.receivedAt()))
			.headers(headers)
			.build();
	}

	@Override
	public void destroy() {
		for (ConfirmingChannel channel : this.channels) {
			channel.close();
		}
	}

}
