package dev.switchboard.crmbridge.ticket.scheduling;

import java.util.List;

import dev.switchboard.crmbridge.ticket.DrainReport;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.TicketCommandDrainer;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains due tickets every {@code crm-bridge.commands.drain-interval}, on one instance at
 * a time (ShedLock, a short lease the instance extends while the drain runs:
 * {@code crm-bridge.scheduling.lock-lease}), and counts what happened.
 */
@Component
class DrainJob {

	static final String LOCK = "crm-bridge-drain-ticket-commands";

	private final TicketCommandDrainer drainer;

	private final MeterRegistry meters;

	DrainJob(TicketCommandDrainer drainer, MeterRegistry meters) {
		this.drainer = drainer;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${crm-bridge.commands.drain-interval:1s}")
	@SchedulerLock(name = DrainJob.LOCK)
	void drain() {
		List<DrainReport> reports = this.drainer.drainDue();
		for (DrainReport report : reports) {
			count("applied", report.applied());
			count("coalesced", report.coalesced());
			count("dropped", report.dropped());
			count("dead-lettered", report.deadLettered());
			this.meters.counter("switchboard.helpdesk.updates").increment(report.updates());
			if (report.failure() != null) {
				this.meters.counter("switchboard.helpdesk.failures", "kind", kind(report.failure())).increment();
			}
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
