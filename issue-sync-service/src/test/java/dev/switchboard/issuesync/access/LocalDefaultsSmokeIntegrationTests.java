package dev.switchboard.issuesync.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketEventHandling;
import dev.switchboard.issuesync.reconciliation.Reconciliation;
import dev.switchboard.issuesync.timeline.Timelines;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.testsupport.LocalDefaultsSmokeTests;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * issue-sync-service as ./switchboard run starts it (see
 * {@link LocalDefaultsSmokeTests}), and its scheduled jobs' queries and lock, and the
 * timeline's, on the embedded H2 database.
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
	History history;

	@Autowired
	Timelines timelines;

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

	@Test
	void recordsAndReadsTheTimelineOnEmbeddedH2() {
		String ticket = Long.toString(System.nanoTime());
		IssueSnapshot issue = new IssueSnapshot(Tracker.GITHUB, "9" + ticket, "o/r#" + ticket,
				"https://github.com/o/r/issues/" + ticket, "Title", "open", StateCategory.OPEN, Instant.now(), null);
		Instant linkedAt = Instant.now();
		List<HistoryEntry> entries = List.of(
				HistoryEntry.ofTicket(UUID.randomUUID(), linkedAt, ticket, issue, HistoryEntry.Kind.LINK_CREATED,
						HistoryEntry.Outcome.OK, "linked", UUID.randomUUID()),
				HistoryEntry.ofIssue(UUID.randomUUID(), linkedAt.plusSeconds(1), issue,
						HistoryEntry.Kind.ISSUE_STATE_CHANGED, HistoryEntry.Outcome.OK, "changed"));

		this.history.record(entries);
		this.history.record(entries);

		assertThat(this.timelines.of(TimelineSubject.TICKET, ticket)).extracting(TimelineEntry::kind)
			.containsExactly("link.created", "issue.state-changed");
		assertThat(this.history.ofIssue(Tracker.GITHUB, issue.issueId(), issue.key(), 10)).hasSize(2);
	}

}
