package dev.switchboard.issuesync.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketEventHandling;
import dev.switchboard.issuesync.reconciliation.Reconciliation;
import dev.switchboard.testsupport.LocalDefaultsSmokeTests;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * issue-sync-service as ./switchboard run starts it (see
 * {@link LocalDefaultsSmokeTests}), and its scheduled jobs' queries and lock on the
 * embedded H2 database.
 */
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

	@Autowired
	TicketEventHandling handling;

	@Autowired
	Reports reports;

	@Autowired
	Reconciliation reconciliation;

	@Autowired
	LockProvider locks;

	@Autowired
	dev.switchboard.issuesync.issuechange.IssueChanges changes;

	@Test
	void runsTheJobsQueriesAndTheSchedulerLockOnEmbeddedH2() {
		assertThat(this.handling.retryDueParkedLinks(10)).isZero();
		assertThat(this.reports.writeDue(10)).isZero();
		assertThat(this.reconciliation.run()).isZero();
		assertThat(this.changes.sendDueCloseNotes(10)).isZero();
		Optional<SimpleLock> lock = this.locks
			.lock(new LockConfiguration(Instant.now(), "smoke", Duration.ofSeconds(30), Duration.ZERO));
		assertThat(lock).isPresent();
		lock.get().unlock();
	}

}
