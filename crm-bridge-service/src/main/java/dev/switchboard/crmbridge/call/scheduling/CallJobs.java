package dev.switchboard.crmbridge.call.scheduling;

import java.time.Clock;
import java.time.Instant;

import dev.switchboard.crmbridge.call.CallHandler;
import dev.switchboard.crmbridge.call.CallLogs;
import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.ticket.RequestBudget;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once across instances (ShedLock, a short lease extended while the job runs:
 * {@code crm-bridge.scheduling.lock-lease}): end notes of calls whose earlier callbacks
 * never came, or that waited for the helpdesk request budget, after
 * {@code crm-bridge.calls.end-note-grace}, none while the budget is spent (every end note
 * takes requests: the caller's lookup, the drain's update); the retention purge.
 * (Callbacks parked while the helpdesk was unavailable are resumed with every parked
 * delivery, {@code delivery.scheduling.DeliveryJobs}.)
 */
@Component
class CallJobs {

	private static final Logger log = LoggerFactory.getLogger(CallJobs.class);

	private final CallLogs logs;

	private final CallHandler handler;

	private final CallProperties properties;

	private final RequestBudget budget;

	private final Clock clock;

	CallJobs(CallLogs logs, CallHandler handler, CallProperties properties, RequestBudget budget, Clock clock) {
		this.logs = logs;
		this.handler = handler;
		this.budget = budget;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${crm-bridge.calls.end-note-check:1s}")
	@SchedulerLock(name = "crm-bridge-call-end-notes")
	void writeDueEndNotes() {
		for (String callSid : this.logs.endNotesDue(this.clock.instant().minus(this.properties.endNoteGrace()))) {
			if (this.budget.exhaustedFor().isPresent()) {
				// the others wait too, unchanged, and are due again at the next run
				return;
			}
			try {
				this.handler.writeDueEndNote(callSid);
			}
			catch (RuntimeException ex) {
				log.warn("End note of call {} not written yet: {}", callSid, ex.toString());
			}
		}
	}

	@Scheduled(cron = "${crm-bridge.calls.purge-cron:0 17 3 * * *}")
	@SchedulerLock(name = "crm-bridge-call-purge")
	void purge() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int purged = this.logs.purgeStartedBefore(cutoff);
		log.info("Purged {} call logs started before {}", purged, cutoff);
	}

}
