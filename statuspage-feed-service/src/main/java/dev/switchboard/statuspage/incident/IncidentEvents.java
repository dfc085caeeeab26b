package dev.switchboard.statuspage.incident;

import dev.switchboard.contracts.IncidentEvent;

/** {@code status.incidents}: where every new update is announced. */
public interface IncidentEvents {

	/** Publishes with publisher confirms; throws when the broker did not take it. */
	void publish(IncidentEvent event);

}
