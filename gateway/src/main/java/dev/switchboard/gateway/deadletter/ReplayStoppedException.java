package dev.switchboard.gateway.deadletter;

/**
 * A replay that stopped half-way (RabbitMQ went away, or did not confirm): the messages
 * it moved before stay moved, the rest stay in the dead-letter queue.
 */
public class ReplayStoppedException extends IllegalStateException {

	private final int moved;

	public ReplayStoppedException(String queue, int moved, Throwable cause) {
		super("replay of " + queue + " stopped after " + moved + " messages: " + cause.getMessage(), cause);
		this.moved = moved;
	}

	/** How many messages the replay moved before it stopped. */
	public int moved() {
		return this.moved;
	}

}
