package dev.switchboard.issuesync.issuechange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test: the fan-out of GitHub closes (as completed) to the tickets
 * linked to each issue, on the real broker and database. Each close is published as the
 * gateway publishes it and timed until every linked ticket's reopen command has been
 * received from crm-bridge's queue; then prints closes per second, reopen commands per
 * second and the time per fan-out (mean, fastest, slowest). Asserts no timing, only that
 * every ticket got exactly one reopen. Its name matches neither surefire's default
 * includes nor failsafe's, so {@code ./mvnw verify} never runs it. Run (what
 * {@code ./switchboard bench close-fanout} runs):
 * {@code ./mvnw -B -o test -pl issue-sync-service -Dtest=CloseFanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * with, optionally, {@code -Dbench.tickets=500} (tickets linked to each issue) and
 * {@code -Dbench.closes=5} (issues closed, one after the other).
 */
@IssueSyncIntegrationTest
class CloseFanOutBenchmark {

	private static final int TICKETS = Integer.getInteger("bench.tickets", 500);

	private static final int CLOSES = Integer.getInteger("bench.closes", 5);

	private static final Duration FAN_OUT_LIMIT = Duration.ofMinutes(5);

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	Issues issues;

	@Autowired
	Links links;

	@Test
	void printsClosesAndReopenCommandsPerSecond() {
		if (TICKETS < 1 || CLOSES < 1) {
			throw new IllegalArgumentException("bench.tickets and bench.closes must be at least 1");
		}
		Bus bus = this.harness.bus();
		List<Long> fanOutNanos = new ArrayList<>();
		for (int close = 0; close < CLOSES; close++) {
			int number = IssueSyncHarness.number();
			long issueId = 500_000_000L + number;
			// fixed length, digits only (Zendesk ticket ids): no prefix is another's
			String prefix = "9" + String.format("%08d", number);
			follow(number, issueId, prefix);

			long started = System.nanoTime();
			bus.publish(IssueSyncHarness.github("issues", Fixtures.githubIssuesEvent("closed",
					Fixtures.githubIssue(issueId, number, "closed", "completed", "2026-11-23T10:00:00Z"))));
			await().atMost(FAN_OUT_LIMIT)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> reopenedTickets(bus, prefix).size() == TICKETS);
			fanOutNanos.add(System.nanoTime() - started);

			assertThat(bus.allCommands()
				.stream()
				.filter(Reopen.class::isInstance)
				.filter((command) -> command.ticketId().startsWith(prefix))).hasSize(TICKETS);
		}
		print(fanOutNanos);
	}

	/**
	 * The issue is followed, open, and linked to {@link #TICKETS} tickets (set up in the
	 * database: linking each by a note would measure linking).
	 */
	private void follow(int number, long issueId, String prefix) {
		this.issues.saveIfNotOlder(
				new IssueSnapshot(Tracker.GITHUB, Long.toString(issueId), "Codertocat/Hello-World#" + number,
						IssueSyncHarness.issueUrl(number), "Spelling error in the README file", "open",
						StateCategory.OPEN, Instant.parse("2026-11-23T09:00:00Z"), null));
		for (int i = 0; i < TICKETS; i++) {
			this.links
				.add(Link.of(prefix + String.format("%06d", i), Tracker.GITHUB, Long.toString(issueId), Instant.now()));
		}
	}

	private static void print(List<Long> fanOutNanos) {
		double totalSeconds = fanOutNanos.stream().mapToLong(Long::longValue).sum() / 1e9;
		System.out.printf("BENCHMARK issue-sync close-fanout: %d closes x %d linked tickets%n", fanOutNanos.size(),
				TICKETS);
		System.out.printf("  closes/s:          %.2f%n", fanOutNanos.size() / totalSeconds);
		System.out.printf("  reopen commands/s: %.0f%n", (double) fanOutNanos.size() * TICKETS / totalSeconds);
		System.out.printf("  time per fan-out:  mean %d ms, fastest %d ms, slowest %d ms%n",
				Math.round(totalSeconds * 1000 / fanOutNanos.size()),
				fanOutNanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1_000_000,
				fanOutNanos.stream().mapToLong(Long::longValue).max().orElseThrow() / 1_000_000);
		// one line per figure for ./switchboard bench all (figure, name, value, unit,
		// target)
		System.out.printf(Locale.ROOT, "figure\tclose-fanout.reopen-commands-rate\t%.3f\t/s\t%n",
				(double) fanOutNanos.size() * TICKETS / totalSeconds);
		System.out.printf(Locale.ROOT, "figure\tclose-fanout.fan-out-time\t%.3f\tms\t%n",
				totalSeconds * 1000 / fanOutNanos.size());
	}

	private static Set<String> reopenedTickets(Bus bus, String prefix) {
		return bus.allCommands()
			.stream()
			.filter(Reopen.class::isInstance)
			.map(TicketCommand::ticketId)
			.filter((ticket) -> ticket.startsWith(prefix))
			.collect(Collectors.toSet());
	}

}
