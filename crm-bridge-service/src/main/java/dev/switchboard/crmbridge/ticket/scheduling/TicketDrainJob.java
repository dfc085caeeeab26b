package dev.switchboard.crmbridge.ticket.scheduling;

import dev.switchboard.crmbridge.ticket.DrainReport;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.TicketDrain;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The drain's one trigger: every {@code crm-bridge.commands.drain-interval}, on one
 * instance at a time (ShedLock, a short lease the instance extends while the drain runs:
 * {@code crm-bridge.scheduling.lock-lease}), drains each due ticket in a transaction of
 * its own ({@link TicketDrain#drain}, through its proxy) until the helpdesk refuses our
 * credentials, and counts what happened ({@code switchboard.commands{outcome}},
 * {@code switchboard.helpdesk.updates}, {@code switchboard.helpdesk.failures{kind}}).
 */
@Component
class TicketDrainJob {

	static final String LOCK = "crm-bridge-drain-ticket-commands";

	private static final Logger log = LoggerFactory.getLogger(TicketDrainJob.class);

	private final TicketDrain drain;

	private final MeterRegistry meters;

	TicketDrainJob(TicketDrain drain, MeterRegistry meters) {
		this.drain = drain;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${crm-bridge.commands.drain-interval:1s}")
	@SchedulerLock(name = TicketDrainJob.LOCK)
	void drainDueTickets() {
		for (String ticketId : this.drain.due()) {
			DrainReport report;
			try {
				report = this.drain.drain(ticketId);
			}
			catch (RuntimeException ex) {
				log.error("Draining ticket {} failed unexpectedly", ticketId, ex);
				report = this.drain.unexpected(ticketId, ex);
			}
			count(report);
			if (this.drain.credentialsRefused()) {
				break;
			}
		}
	}

	private void count(DrainReport report) {
		count("applied", report.applied());
		count("coalesced", report.coalesced());
		count("dropped", report.dropped());
		count("dead-lettered", report.deadLettered());
		this.meters.counter("switchboard.helpdesk.updates").increment(report.updates());
		if (report.failure() != null) {
			this.meters.counter("switchboard.helpdesk.failures", "kind", kind(report.failure())).increment();
		}
	}

	private void count(String outcome, int amount) {
		if (amount > 0) {
			this.meters.counter("switchboard.commands", "outcome", outcome).increment(amount);
		}
	}

	private static String kind(HelpdeskFailure failure) {
		return switch (failure) {
			case HelpdeskFailure.RateLimited limited -> "rate-limited";
			case HelpdeskFailure.Unavailable unavailable -> "unavailable";
			case HelpdeskFailure.NotFound notFound -> "not-found";
			case HelpdeskFailure.Conflict conflict -> "conflict";
			case HelpdeskFailure.Unauthorized unauthorized -> "unauthorized";
			case HelpdeskFailure.Rejected rejected -> "rejected";
			case HelpdeskFailure.Malformed malformed -> "malformed";
		};
	}

}
