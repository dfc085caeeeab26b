package dev.switchboard.gateway.deadletter;

/** The named queue is not a dead-letter queue on this broker. */
public class DeadLetterQueueNotFoundException extends RuntimeException {

	public DeadLetterQueueNotFoundException(String queue) {
		super("No dead-letter queue " + queue);
	}

}
