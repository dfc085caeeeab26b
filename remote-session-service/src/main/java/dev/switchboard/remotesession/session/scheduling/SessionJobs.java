package dev.switchboard.remotesession.session.scheduling;

import dev.switchboard.remotesession.session.SessionHousekeeping;
import dev.switchboard.remotesession.session.SessionStarter;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled jobs, each on one instance at a time (ShedLock on this service's
 * database): invitation expiry, retries of parked starts and polling of live sessions,
 * all every {@code remote-session.poll-interval}.
 */
@Component
class SessionJobs {

	private static final Logger log = LoggerFactory.getLogger(SessionJobs.class);

	private final SessionHousekeeping housekeeping;

	private final SessionStarter starter;

	SessionJobs(SessionHousekeeping housekeeping, SessionStarter starter) {
		this.housekeeping = housekeeping;
		this.starter = starter;
	}

	@Scheduled(fixedDelayString = "${remote-session.poll-interval:30s}", initialDelayString = "1s")
	@SchedulerLock(name = "remote-session.expire-invitations", lockAtMostFor = "PT1M")
	void expireInvitations() {
		int expired = this.housekeeping.expireDue();
		if (expired > 0) {
			log.info("Expired {} session invitations", expired);
		}
	}

	@Scheduled(fixedDelayString = "${remote-session.poll-interval:30s}", initialDelayString = "1s")
	@SchedulerLock(name = "remote-session.end-silent-sessions", lockAtMostFor = "PT1M")
	void endSilentSessions() {
		int ended = this.housekeeping.endSilent();
		if (ended > 0) {
			log.info("Ended {} sessions whose end event never came", ended);
		}
	}

	@Scheduled(fixedDelayString = "${remote-session.poll-interval:30s}", initialDelayString = "1s")
	@SchedulerLock(name = "remote-session.retry-parked-starts", lockAtMostFor = "PT1M")
	void retryParkedStarts() {
		int started = this.starter.retryParked();
		if (started > 0) {
			log.info("Started {} parked sessions", started);
		}
	}

	@Scheduled(fixedDelayString = "${remote-session.poll-interval:30s}", initialDelayString = "1s")
	@SchedulerLock(name = "remote-session.poll-live-sessions", lockAtMostFor = "PT1M")
	void pollLiveSessions() {
		int applied = this.housekeeping.poll();
		if (applied > 0) {
			log.info("Applied {} session changes read from the vendors", applied);
		}
	}

}
