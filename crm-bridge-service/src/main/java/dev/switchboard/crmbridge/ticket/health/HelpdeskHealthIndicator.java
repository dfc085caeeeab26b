package dev.switchboard.crmbridge.ticket.health;

import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskAccess;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code helpdesk} in {@code /actuator/health}: DOWN while the helpdesk refuses our
 * credentials (401/403; commands wait in the database), UNKNOWN when not configured. Not
 * part of readiness: a helpdesk problem must not take the service out of rotation.
 */
@Component("helpdesk")
class HelpdeskHealthIndicator implements HealthIndicator {

	private final Helpdesk helpdesk;

	private final HelpdeskAccess access;

	HelpdeskHealthIndicator(Helpdesk helpdesk, HelpdeskAccess access) {
		this.helpdesk = helpdesk;
		this.access = access;
	}

	@Override
	public Health health() {
		if (!this.helpdesk.configured()) {
			return Health.unknown().withDetail("reason", "crm-bridge.zendesk.api-token is not set").build();
		}
		HelpdeskAccess.Refusal refusal = this.access.refusal();
		if (refusal != null) {
			return Health.down()
				.withDetail("reason", "credentials refused (HTTP " + refusal.status() + "); commands are paused")
				.withDetail("since", refusal.at().toString())
				.build();
		}
		return Health.up().build();
	}

}
