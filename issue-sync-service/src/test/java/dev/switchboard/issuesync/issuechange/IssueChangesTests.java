package dev.switchboard.issuesync.issuechange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.switchboard.contracts.IssueStateChanged;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.reconciliation.Reconciliation;
import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTrackers;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * The decisions of {@link IssueChanges} against in-memory fakes of its ports (no Spring,
 * no broker, no database): what reaches the linked tickets for each kind of change. The
 * integration tests keep the wiring, the row locks and the messages on the broker.
 */
class IssueChangesTests {

	private static final String CLOSED_AT = "2026-11-23T10:00:00Z";

	private final InMemoryIssues issues = new InMemoryIssues();

	private final InMemoryLinks links = new InMemoryLinks();

	private final InMemoryLinkIntents intents = new InMemoryLinkIntents();

	private final InMemoryFixes fixes = new InMemoryFixes();

	private final SentMessages sent = new SentMessages();

	private final RecordedMetrics metrics = new RecordedMetrics();

	private final InMemoryHistory history = new InMemoryHistory();

	private final StubIssueTracker github = new StubIssueTracker(Tracker.GITHUB);

	private final MutableClock clock = new MutableClock(Instant.parse(CLOSED_AT).plusSeconds(10));

	private IssueChanges changes = changes(true);

	@Test
	void reconciliationNotesAReopenAgainstTheStateItFindsWhenItAppliesNotTheOneItListed() {
		follow(github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101");
		this.github.has(github("open", StateCategory.OPEN, "2026-11-23T10:01:00Z"));
		// the closed webhook is applied between reconciliation listing the issue (open)
		// and reading it from GitHub (reopened since)
		this.github.beforeConditionalRead = () -> this.changes
			.apply(updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT)));
		Reconciliation reconciliation = new Reconciliation(this.issues, new IssueTrackers(List.of(this.github)),
				this.changes, this.metrics, this.clock, properties(true), this.history);

		reconciliation.run();

		assertThat(this.sent.notesTo("101")).hasSize(2);
		assertThat(this.sent.notesTo("101").get(0)).asString().contains("\" was closed as completed");
		assertThat(this.sent.notesTo("101").get(1)).asString().contains("\" was reopened");
		// the close's note was held for its fix; the reopen sends it first
		assertThat(this.history.kinds()).containsExactly("issue.state-changed", "note.held", "reopen.sent", "note.sent",
				"reconciliation.corrected", "note.sent");
		assertThat(this.history.entries.get(4).summary()).startsWith(
				"Reconciliation found GitHub Codertocat/Hello-World#42 \"Spelling error in the README file\" open"
						+ " (was closed as completed, changed at GitHub 2026-11-23T10:01:00Z): its webhook never arrived");
	}

	@Test
	void recordsTheChangeOnceAndWhatEachTicketWasSentUnderTheCommandsIds() {
		follow(github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101", "102");
		this.clock.advance(Duration.ofMinutes(5));

		this.changes.apply(new IssueChange.Updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT),
				null, "octocat", "corr-1"));

		assertThat(this.history.kinds()).containsExactly("issue.state-changed", "note.sent", "reopen.sent", "note.sent",
				"reopen.sent");
		assertThat(this.history.entries.get(0).ticketId()).isNull();
		assertThat(this.history.entries.get(0).summary()).isEqualTo("GitHub Codertocat/Hello-World#42 \"Spelling error"
				+ " in the README file\": open → closed as completed by octocat; 2 linked tickets told");
		for (int i = 1; i < 5; i++) {
			assertThat(this.history.entries.get(i).ticketId()).isEqualTo(this.sent.commands.get(i - 1).ticketId());
			assertThat(this.history.entries.get(i).summary())
				.endsWith("(command " + this.sent.commands.get(i - 1).commandId() + ")");
			assertThat(this.history.entries.get(i).ref())
				.isEqualTo(Link.idOf(this.sent.commands.get(i - 1).ticketId(), Tracker.GITHUB, "1001").toString());
		}
		assertThat(this.history.entries.get(2).summary())
			.startsWith("Reopen of ticket 101 sent: GitHub Codertocat/Hello-World#42 is closed as completed (command ");

		this.changes.apply(new IssueChange.Updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT),
				null, "octocat", "corr-again"));

		assertThat(this.history.entries).hasSize(5);
	}

	@Test
	void dropsAChangeOlderThanTheStoredState() {
		follow(github("closed as not planned", StateCategory.NOT_PLANNED, CLOSED_AT), "101");

		boolean told = this.changes.apply(updated(github("open", StateCategory.OPEN, "2026-11-23T09:30:00Z")));

		assertThat(told).isFalse();
		assertThat(this.sent.commands).isEmpty();
		assertThat(this.metrics.ignored).containsExactly("stale");
		assertThat(stored().state()).isEqualTo("closed as not planned");
	}

	@Test
	void keepsTheNewerReadButTellsNobodyWhenTheStateIsTheSame() {
		follow(github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z").withEtag("\"e1\""), "101");

		boolean told = this.changes.apply(updated(github("open", StateCategory.OPEN, "2026-11-23T09:10:00Z")));

		assertThat(told).isFalse();
		assertThat(this.sent.commands).isEmpty();
		assertThat(stored().updatedAt()).isEqualTo("2026-11-23T09:10:00Z");
		assertThat(stored().etag()).isEqualTo("\"e1\"");
	}

	@Test
	void ignoresAChangeWithTheSameTimeThatTheTrackerDoesNotConfirm() {
		follow(github("open", StateCategory.OPEN, CLOSED_AT), "101");
		this.github.has(github("open", StateCategory.OPEN, CLOSED_AT));

		boolean told = this.changes
			.apply(updated(github("closed as not planned", StateCategory.NOT_PLANNED, CLOSED_AT)));

		assertThat(told).isFalse();
		assertThat(this.github.reads).isEqualTo(1);
		assertThat(this.metrics.ignored).containsExactly("tie-not-current");
		assertThat(this.sent.commands).isEmpty();
	}

	@Test
	void appliesAChangeWithTheSameTimeThatTheTrackerConfirms() {
		follow(github("open", StateCategory.OPEN, CLOSED_AT), "101");
		this.github.has(github("closed as not planned", StateCategory.NOT_PLANNED, CLOSED_AT));

		boolean told = this.changes
			.apply(updated(github("closed as not planned", StateCategory.NOT_PLANNED, CLOSED_AT)));

		assertThat(told).isTrue();
		assertThat(this.sent.notesTo("101")).singleElement().asString().contains("was closed as not planned");
		assertThat(stored().state()).isEqualTo("closed as not planned");
	}

	@Test
	void reopensEveryLinkedTicketOnceAndNotesTheMoveWhenAJiraIssueIsCompleted() {
		follow(jira("In Progress", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101", "102");

		boolean told = this.changes.apply(new IssueChange.Updated(jira("Done", StateCategory.COMPLETED, CLOSED_AT),
				"In Progress", "Grace Engineer", "corr-1"));

		assertThat(told).isTrue();
		assertThat(this.sent.reopened()).containsExactly("101", "102");
		assertThat(this.sent.notesTo("101")).singleElement()
			.asString()
			.startsWith("Jira SUP-1 \"Export drops a row\" moved from In Progress to Done by Grace Engineer.")
			.contains("This ticket was reopened");
		assertThat(this.sent.events).singleElement()
			.isInstanceOfSatisfying(IssueStateChanged.class, (event) -> assertThat(event.linkedTickets()).isEqualTo(2));
		assertThat(this.metrics.reopens).isEqualTo(2);
	}

	@Test
	void notesButDoesNotReopenACompletedIssueWhenReopenOnCompletedIsOff() {
		this.changes = changes(false);
		follow(jira("In Progress", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101");

		this.changes.apply(updated(jira("Done", StateCategory.COMPLETED, CLOSED_AT)));

		assertThat(this.sent.reopened()).isEmpty();
		assertThat(this.sent.notesTo("101")).singleElement().asString().contains("to Done");
	}

	@Test
	void holdsTheCloseNoteOfAGithubIssueUntilTheMergedFixArrivesThenNamesIt() {
		follow(github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101");

		this.changes.apply(updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT)));

		assertThat(this.sent.reopened()).containsExactly("101");
		assertThat(this.sent.notesTo("101")).isEmpty();
		assertThat(this.fixes.held(Tracker.GITHUB, "1001")).isTrue();

		boolean told = this.changes.apply(new IssueChange.FixMerged("Codertocat/Hello-World#7", "Fix the spelling",
				"https://github.com/Codertocat/Hello-World/pull/7",
				List.of(GithubIssueNumber.parse("Codertocat/Hello-World#42")), "octocat", Instant.parse(CLOSED_AT),
				"corr-2"));

		assertThat(told).isTrue();
		assertThat(this.sent.notesTo("101")).singleElement()
			.asString()
			.contains("was closed as completed")
			.contains("Fixed by pull request Codertocat/Hello-World#7 \"Fix the spelling\" merged by octocat");
		assertThat(this.fixes.held(Tracker.GITHUB, "1001")).isFalse();
	}

	@Test
	void sendsAHeldCloseNoteWithoutAFixOnceItsWaitIsOver() {
		follow(github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z"), "101");
		this.changes.apply(updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT)));
		assertThat(this.changes.sendDueCloseNotes(10)).isZero();

		this.clock.advance(Duration.ofSeconds(30));

		assertThat(this.changes.sendDueCloseNotes(10)).isOne();
		assertThat(this.sent.notesTo("101")).singleElement()
			.asString()
			.contains("was closed as completed")
			.doesNotContain("Fixed by");
	}

	@Test
	void ignoresAChangeOfAnIssueNobodyLinks() {
		boolean told = this.changes.apply(updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT)));

		assertThat(told).isFalse();
		assertThat(this.metrics.ignored).containsExactly("not-linked");
		assertThat(this.issues.find(Tracker.GITHUB, "1001")).isEmpty();
		assertThat(this.sent.commands).isEmpty();
	}

	@Test
	void storesAChangeOfAnIssueBeingLinkedForTheLinkToFind() {
		this.intents.begin(Tracker.GITHUB, "Codertocat/Hello-World#42", this.clock.instant().minusSeconds(5));

		boolean told = this.changes.apply(updated(github("closed as completed", StateCategory.COMPLETED, CLOSED_AT)));

		assertThat(told).isFalse();
		assertThat(this.metrics.ignored).containsExactly("stored-for-link");
		assertThat(stored().state()).isEqualTo("closed as completed");
		assertThat(this.sent.commands).isEmpty();
	}

	@Test
	void reKeysTheLinksOfATransferredIssueAndTellsTheirTickets() {
		IssueSnapshot from = github("open", StateCategory.OPEN, "2026-11-23T09:00:00Z");
		follow(from, "101");
		IssueSnapshot to = new IssueSnapshot(Tracker.GITHUB, "2002", "octo-org/hello-world-npm#7",
				"https://github.com/octo-org/hello-world-npm/issues/7", "Spelling error", "open", StateCategory.OPEN,
				Instant.parse("2026-11-23T09:10:00Z"), null);

		boolean told = this.changes.apply(new IssueChange.Transferred(from, to, "octocat", "corr-3"));

		assertThat(told).isTrue();
		assertThat(this.links.ofIssue(Tracker.GITHUB, "2002")).extracting(Link::ticketId).containsExactly("101");
		assertThat(this.links.ofIssue(Tracker.GITHUB, "1001")).isEmpty();
		assertThat(this.issues.byKey(Tracker.GITHUB, "octo-org/hello-world-npm#7")).isPresent();
		assertThat(this.sent.notesTo("101")).singleElement()
			.asString()
			.startsWith("GitHub Codertocat/Hello-World#42 was transferred to GitHub octo-org/hello-world-npm#7");
		assertThat(this.sent.commands).noneMatch(Reopen.class::isInstance);
	}

	private IssueChanges changes(boolean reopenOnCompleted) {
		return new IssueChanges(this.issues, this.links, new IssueTrackers(List.of(this.github)), this.sent, this.sent,
				this.metrics, properties(reopenOnCompleted), this.clock, this.fixes, this.intents, this.history);
	}

	private static IssueSyncProperties properties(boolean reopenOnCompleted) {
		return new IssueSyncProperties(
				new IssueSyncProperties.Github(URI.create("https://api.github.com"), null, List.of("github.com"),
						Duration.ofSeconds(5), Duration.ofSeconds(10)),
				new IssueSyncProperties.Jira(null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10)),
				new IssueSyncProperties.Behaviour(true, reopenOnCompleted, false, false),
				new IssueSyncProperties.TicketField(null), Duration.ofMinutes(5), Duration.ofDays(7),
				Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5));
	}

	/** The issue is followed (stored) and linked to the tickets. */
	private void follow(IssueSnapshot issue, String... tickets) {
		this.issues.save(issue);
		for (String ticket : tickets) {
			this.links.add(Link.of(ticket, issue.tracker(), issue.issueId(), Instant.parse("2026-11-23T08:00:00Z")));
		}
	}

	private IssueSnapshot stored() {
		return this.issues.find(Tracker.GITHUB, "1001").orElseThrow();
	}

	private static IssueChange.Updated updated(IssueSnapshot after) {
		return new IssueChange.Updated(after, null, null, "corr-" + after.updatedAt());
	}

	private static IssueSnapshot github(String state, StateCategory category, String updatedAt) {
		return new IssueSnapshot(Tracker.GITHUB, "1001", "Codertocat/Hello-World#42",
				"https://github.com/Codertocat/Hello-World/issues/42", "Spelling error in the README file", state,
				category, Instant.parse(updatedAt), null);
	}

	private static IssueSnapshot jira(String state, StateCategory category, String updatedAt) {
		return new IssueSnapshot(Tracker.JIRA, "10001", "SUP-1", "https://example.atlassian.net/browse/SUP-1",
				"Export drops a row", state, category, Instant.parse(updatedAt), null);
	}

}
