package dev.switchboard.gateway.deadletter;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * What operators do with dead letters: look at them, and move them back once the cause is
 * fixed.
 */
@Service
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterQueues queues;

	private final DeadLetterProperties properties;

	public DeadLetters(DeadLetterQueues queues, DeadLetterProperties properties) {
		this.queues = queues;
		this.properties = properties;
	}

	public List<DeadLetterQueue> list() {
		return this.queues.list(this.properties.peek());
	}

	/** Every dead-letter queue with its depth only (no message is looked at). */
	public List<DeadLetterQueue> depths() {
		return this.queues.list(0);
	}

	public Optional<DeadLetterQueue> find(String queue) {
		return this.queues.find(queue, this.properties.peek());
	}

	public Optional<DeadLetterMessage> message(String queue, String messageId) {
		return this.queues.message(queue, messageId);
	}

	/** Removes one message for good; whether it was there. */
	public boolean discard(String queue, String messageId, String actor) {
		boolean discarded = this.queues.discard(queue, messageId);
		if (discarded) {
			log.info("{} discarded dead letter {} of {}", actor, messageId, queue);
		}
		return discarded;
	}

	public ReplayReport replay(String queue, @Nullable Set<String> messageIds, String actor) {
		ReplayReport report = this.queues.replay(queue, messageIds);
		log.info("{} replayed {} dead letters of {} ({} left there, {} failed again already)", actor, report.moved(),
				queue, report.left(), report.failedAgain());
		return report;
	}

}
