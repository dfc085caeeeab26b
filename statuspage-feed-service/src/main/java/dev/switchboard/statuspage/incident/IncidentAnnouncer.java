package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.util.List;

import dev.switchboard.contracts.IncidentEvent;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes recorded updates on {@code status.incidents} from the outbox (the
 * {@code published_at} mark): an update committed but not yet published is published on
 * the next run, with the same event id.
 */
@Service
public class IncidentAnnouncer {

	private final IncidentUpdates updates;

	private final IncidentEvents events;

	private final Clock clock;

	IncidentAnnouncer(IncidentUpdates updates, IncidentEvents events, Clock clock) {
		this.updates = updates;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public int publishPending() {
		List<IncidentEvent> pending = this.updates.claimUnpublished(100);
		for (IncidentEvent event : pending) {
			this.events.publish(event);
			this.updates.markPublished(event.eventId(), this.clock.instant());
		}
		return pending.size();
	}

}
