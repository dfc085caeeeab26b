package dev.switchboard.gateway.audit.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.audit.AuditEntry;
import dev.switchboard.gateway.audit.AuditLog;
import dev.switchboard.gateway.audit.AuditQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's retention on the real database: older entries go, the year's stay. */
@GatewayIntegrationTest
class AuditPurgeIntegrationTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditPurge purge;

	@Test
	void removesEntriesOlderThanTheRetentionAndKeepsTheRest() {
		String actor = "purge-" + UUID.randomUUID();
		Instant now = Instant.now();
		this.audit.append(entry(actor, now.minus(Duration.ofDays(400)), "delivery.replay"));
		this.audit.append(entry(actor, now.minus(Duration.ofDays(364)), "dead-letter.discard"));
		this.audit.append(entry(actor, now, "replay-job.start"));

		this.purge.purge();

		assertThat(this.audit.find(new AuditQuery(actor, null, 0, 50)).entries()).extracting(AuditEntry::action)
			.containsExactly("replay-job.start", "dead-letter.discard");
	}

	private static AuditEntry entry(String actor, Instant at, String action) {
		return new AuditEntry(UUID.randomUUID(), at, actor, "operator", "api", action, "t", "POST", "/api/x", 200,
				null);
	}

}
