package dev.switchboard.gateway.deadletter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The broker's dead-letter queues. */
public interface DeadLetterQueues {

	/**
	 * Every dead-letter queue with its depth and up to {@code peek} of its messages,
	 * which stay where they are.
	 */
	List<DeadLetterQueue> list(int peek);

	Optional<DeadLetterQueue> find(String queue, int peek);

	/**
	 * Moves messages back to the queue they failed in: take without auto-ack, publish
	 * with confirm, then ack, so a crash half-way duplicates at most one message and
	 * loses none.
	 * @param messageIds the messages to move (AMQP {@code message_id}); {@code null}
	 * moves all
	 */
	ReplayReport replay(String queue, @Nullable Set<String> messageIds);

	/**
	 * As {@link #replay(String, Set)}, looking at no more than {@code limit} messages
	 * from the head of the queue: a batch of a replay job.
	 */
	ReplayReport replay(String queue, @Nullable Set<String> messageIds, int limit);

	/**
	 * The first message of the queue with this AMQP {@code message_id}, with its body;
	 * every message stays where it is.
	 */
	Optional<DeadLetterMessage> message(String queue, String messageId);

	/**
	 * Removes the first message with this {@code message_id} for good (the others stay);
	 * whether there was one.
	 */
	boolean discard(String queue, String messageId);

}
