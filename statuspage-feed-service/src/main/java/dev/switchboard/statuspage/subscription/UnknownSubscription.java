package dev.switchboard.statuspage.subscription;

import java.util.UUID;

/** No subscription has this id (answered 404). */
public class UnknownSubscription extends RuntimeException {

	public UnknownSubscription(UUID id) {
		super("No subscription " + id);
	}

}
