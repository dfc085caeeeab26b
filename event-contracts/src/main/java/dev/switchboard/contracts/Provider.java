package dev.switchboard.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The systems that call Switchboard's webhooks, each with the one service that owns it.
 * The gateway publishes a provider's deliveries with routing key {@code <id>.<event>};
 * its owner's queue is bound {@code <id>.#} (event names contain dots, so never
 * {@code <id>.*}).
 */
public enum Provider {

	GITHUB("github", ServiceNames.ISSUE_SYNC),

	JIRA("jira", ServiceNames.ISSUE_SYNC),

	ZENDESK("zendesk", ServiceNames.CRM_BRIDGE),

	TWILIO("twilio", ServiceNames.CRM_BRIDGE),

	STATUSPAGE("statuspage", ServiceNames.STATUSPAGE_FEED),

	REMOTE_SESSION("remote-session", ServiceNames.REMOTE_SESSION);

	private final String id;

	private final String owner;

	Provider(String id, String owner) {
		this.id = id;
		this.owner = owner;
	}

	/**
	 * The provider's name in paths, routing keys and {@link InboundDelivery#provider()}.
	 */
	public String id() {
		return this.id;
	}

	/** The service (and consumer group) that owns this provider's deliveries. */
	public String owner() {
		return this.owner;
	}

	public String routingKey(String event) {
		if (event.isBlank()) {
			throw new IllegalArgumentException("event must not be blank");
		}
		return this.id + "." + event;
	}

	public String bindingKey() {
		return this.id + ".#";
	}

	public static Optional<Provider> byId(String id) {
		return Arrays.stream(values()).filter((provider) -> provider.id.equals(id)).findFirst();
	}

	/** The providers whose deliveries land in the given owner's queue. */
	public static List<Provider> ownedBy(String owner) {
		return Arrays.stream(values()).filter((provider) -> provider.owner.equals(owner)).toList();
	}

}
