package dev.switchboard.gateway.webhook.messaging;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.gateway.webhook.PublishOutcome;
import org.jspecify.annotations.Nullable;

/**
 * One AMQP channel in confirm mode, shared by every request that publishes through it,
 * with the publishes it has not heard back about keyed by their sequence number. The
 * broker's {@code basic.ack} (often one for several publishes: {@code multiple}), its
 * {@code basic.nack}, a {@code basic.return} of an unroutable {@code mandatory} message
 * (always before that message's ack) and the channel's closing each settle the futures
 * they concern, on the connection's own thread: nothing is handed to another thread and
 * no thread is parked per publish but the request's own (virtual) one.
 * <p>
 * A publish and the sequence number it is filed under are taken under one lock, as the
 * broker numbers the publishes of a channel in the order it receives them. A closed
 * channel (the connection dropped, the broker closed it) fails what it had in flight, and
 * the next publish opens a new one on whatever connection the factory then has. A publish
 * its request stopped waiting for (no confirm in time: 503) stays filed until the broker
 * answers it or the channel closes; the broker answers every publish of an open channel.
 */
final class ConfirmingChannel {

	private final Supplier<Connection> connections;

	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable InFlight current;

	ConfirmingChannel(Supplier<Connection> connections) {
		this.connections = connections;
	}

	/**
	 * Publishes {@code mandatory} and returns the future of the broker's answer; a
	 * channel that cannot be opened or written throws. Waits at most {@code lockMillis}
	 * for the channel (another request's write on a connection the broker blocks holds
	 * it).
	 */
	CompletableFuture<PublishOutcome> publish(String exchange, String routingKey, AMQP.BasicProperties properties,
			byte[] body, long lockMillis) throws IOException, InterruptedException {
		if (!this.lock.tryLock(lockMillis, TimeUnit.MILLISECONDS)) {
			return CompletableFuture
				.completedFuture(new PublishOutcome.NotConfirmed("the publishing channel stayed busy for " + lockMillis
						+ " ms (is the broker blocking publishers?)"));
		}
		try {
			InFlight inFlight = open();
			long sequence = inFlight.channel.getNextPublishSeqNo();
			Pending pending = new Pending(properties.getMessageId(), routingKey);
			inFlight.pending.put(sequence, pending);
			try {
				inFlight.channel.basicPublish(exchange, routingKey, true, properties, body);
			}
			catch (IOException | RuntimeException ex) {
				inFlight.pending.remove(sequence);
				throw ex;
			}
			return pending.outcome;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Closes the channel; what it still had in flight fails. */
	void close() {
		this.lock.lock();
		try {
			InFlight inFlight = this.current;
			this.current = null;
			if (inFlight != null && inFlight.channel.isOpen()) {
				inFlight.channel.close();
			}
		}
		catch (IOException | RuntimeException | TimeoutException ex) {
			// closing on shutdown: the broker or the connection may be gone already
		}
		finally {
			this.lock.unlock();
		}
	}

	private InFlight open() throws IOException {
		InFlight inFlight = this.current;
		if (inFlight != null && inFlight.channel.isOpen()) {
			return inFlight;
		}
		Channel channel = this.connections.get().createChannel();
		if (channel == null) {
			throw new IOException("the connection has no free channel number");
		}
		try {
			channel.confirmSelect();
		}
		catch (IOException | RuntimeException ex) {
			channel.abort();
			throw ex;
		}
		inFlight = new InFlight(channel);
		this.current = inFlight;
		return inFlight;
	}

	/** A publish the broker has not answered yet. */
	private static final class Pending {

		private final @Nullable String messageId;

		private final String routingKey;

		private final CompletableFuture<PublishOutcome> outcome = new CompletableFuture<>();

		private volatile @Nullable String returned;

		Pending(@Nullable String messageId, String routingKey) {
			this.messageId = messageId;
			this.routingKey = routingKey;
		}

		void acked() {
			String returnedReason = this.returned;
			this.outcome.complete((returnedReason != null)
					? new PublishOutcome.NotConfirmed(
							"unroutable: no queue is bound for " + this.routingKey + " (" + returnedReason + ")")
					: new PublishOutcome.Confirmed());
		}

		void failed(String reason) {
			this.outcome.complete(new PublishOutcome.NotConfirmed(reason));
		}

	}

	/** A channel with the publishes it has in flight; its listeners settle them. */
	private static final class InFlight {

		private final Channel channel;

		private final ConcurrentNavigableMap<Long, Pending> pending = new ConcurrentSkipListMap<>();

		InFlight(Channel channel) {
			this.channel = channel;
			channel.addConfirmListener((sequence, multiple) -> settle(sequence, multiple, Pending::acked),
					(sequence, multiple) -> settle(sequence, multiple,
							(pending) -> pending.failed("the broker refused it (nack)")));
			channel.addReturnListener((returned) -> {
				String messageId = returned.getProperties().getMessageId();
				for (Pending pending : this.pending.values()) {
					if (pending.messageId != null && pending.messageId.equals(messageId)) {
						pending.returned = returned.getReplyText();
					}
				}
			});
			channel.addShutdownListener(this::closed);
		}

		private void settle(long sequence, boolean multiple, Consumer<Pending> how) {
			if (multiple) {
				Map<Long, Pending> settled = this.pending.headMap(sequence, true);
				settled.values().forEach(how);
				settled.clear();
			}
			else {
				Pending pending = this.pending.remove(sequence);
				if (pending != null) {
					how.accept(pending);
				}
			}
		}

		private void closed(ShutdownSignalException cause) {
			String reason = "the channel to the broker closed before the confirm: " + cause.getMessage();
			this.pending.values().forEach((pending) -> pending.failed(reason));
			this.pending.clear();
		}

	}

}
