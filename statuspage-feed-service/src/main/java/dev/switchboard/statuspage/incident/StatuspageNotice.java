package dev.switchboard.statuspage.incident;

import java.util.List;
import java.util.UUID;

/**
 * A Statuspage webhook as the messaging adapter read it.
 *
 * @param eventId the delivery's message id (dedupe key)
 * @param updates the incident's updates with their components (empty for a component
 * notice)
 */
public record StatuspageNotice(UUID eventId, String correlationId, String deliveryId, String pageId,
		List<IncidentUpdate> updates) {

	public StatuspageNotice {
		updates = List.copyOf(updates);
	}

}
