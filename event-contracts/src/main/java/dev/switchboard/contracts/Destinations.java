package dev.switchboard.contracts;

/**
 * Destination names on the broker (docs/messaging.md lists producers and consumers of
 * each).
 */
public final class Destinations {

	/** Topic exchange of verified webhooks; routing key {@code <provider>.<event>}. */
	public static final String WEBHOOKS_INBOUND = "webhooks.inbound";

	public static final String TICKETS_COMMANDS = "tickets.commands";

	public static final String TICKETS_EVENTS = "tickets.events";

	public static final String ISSUES_EVENTS = "issues.events";

	public static final String STATUS_INCIDENTS = "status.incidents";

	public static final String CALLS_EVENTS = "calls.events";

	public static final String SESSIONS_EVENTS = "sessions.events";

	/**
	 * The dead-letter exchange the RabbitMQ binder declares for {@code auto-bind-dlq};
	 * each queue's DLQ is bound to it with the queue's name.
	 */
	public static final String DEAD_LETTER_EXCHANGE = "DLX";

	private Destinations() {
	}

	/**
	 * The queue the binder creates for a consumer group: {@code <destination>.<group>}.
	 */
	public static String queue(String destination, String group) {
		return destination + "." + group;
	}

	/** The dead-letter queue of a consumer group's queue. */
	public static String deadLetterQueue(String destination, String group) {
		return queue(destination, group) + ".dlq";
	}

}
