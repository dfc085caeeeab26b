package dev.switchboard.statuspage.subscription;

/** A subscription request that cannot be accepted (answered 400). */
public class InvalidSubscription extends IllegalArgumentException {

	public InvalidSubscription(String message) {
		super(message);
	}

}
