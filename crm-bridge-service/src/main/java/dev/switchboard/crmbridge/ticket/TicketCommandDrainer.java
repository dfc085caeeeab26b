package dev.switchboard.crmbridge.ticket;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * One drain cycle: every ticket with due pending commands, one transaction each, until
 * the helpdesk refuses our credentials. Nothing is written while credentials are missing
 * or refused: the commands wait in the database.
 */
@Service
public class TicketCommandDrainer {

	private static final Logger log = LoggerFactory.getLogger(TicketCommandDrainer.class);

	private static final int TICKETS_PER_CYCLE = 100;

	private final PendingCommands pending;

	private final TicketHistory history;

	private final TicketDrain drain;

	private final Helpdesk helpdesk;

	private final HelpdeskAccess access;

	private final Clock clock;

	public TicketCommandDrainer(PendingCommands pending, TicketHistory history, TicketDrain drain, Helpdesk helpdesk,
			HelpdeskAccess access, Clock clock) {
		this.pending = pending;
		this.history = history;
		this.drain = drain;
		this.helpdesk = helpdesk;
		this.access = access;
		this.clock = clock;
	}

	public List<DrainReport> drainDue() {
		if (!this.helpdesk.configured() || !this.access.mayTry()) {
			return List.of();
		}
		List<String> tickets = new ArrayList<>(this.history.unannouncedFollowUps());
		tickets.addAll(this.pending.ticketsDue(this.clock.instant(), TICKETS_PER_CYCLE));
		List<DrainReport> reports = new ArrayList<>();
		for (String ticketId : tickets.stream().distinct().toList()) {
			try {
				reports.add(this.drain.drain(ticketId));
			}
			catch (RuntimeException ex) {
				log.error("Draining ticket {} failed unexpectedly", ticketId, ex);
				reports.add(this.drain.unexpected(ticketId, ex));
			}
			if (this.access.refusal() != null) {
				break;
			}
		}
		return reports;
	}

}
