package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.util.List;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.statuspage.outbox.OutboxMessage;
import dev.switchboard.statuspage.outbox.OutboxRelay;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes recorded updates on {@code status.incidents} from the outbox (the
 * {@code published_at} mark) through the service's {@link OutboxRelay}: an update
 * committed but not yet published is published on the next run, with the same event id.
 */
@Service
public class IncidentAnnouncer {

	private final IncidentUpdates updates;

	private final OutboxRelay relay;

	private final Clock clock;

	IncidentAnnouncer(IncidentUpdates updates, OutboxRelay relay, Clock clock) {
		this.updates = updates;
		this.relay = relay;
		this.clock = clock;
	}

	@Transactional
	public int publishPending() {
		return this.relay.relay(Destinations.STATUS_INCIDENTS, this.updates.claimUnpublished(100),
				(event) -> List.of(new OutboxMessage(event.eventId(), event.correlationId(), event)),
				(event) -> this.updates.markPublished(event.eventId(), this.clock.instant()));
	}

}
