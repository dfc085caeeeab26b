package dev.switchboard.issuesync.tracker.health;

import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerCredentials;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * One tracker's credentials in {@code /actuator/health}: DOWN while the tracker refuses
 * them (401). Not part of readiness: a wrong token is fixed by an operator; restarting or
 * unrouting the service would not help.
 */
class TrackerCredentialsHealthIndicator extends AbstractHealthIndicator {

	private final Tracker tracker;

	private final TrackerCredentials credentials;

	TrackerCredentialsHealthIndicator(Tracker tracker, TrackerCredentials credentials) {
		this.tracker = tracker;
		this.credentials = credentials;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.credentials.refusedAt(this.tracker)
			.ifPresentOrElse((at) -> builder.down().withDetail("refusedAt", at.toString()), builder::up);
	}

}
