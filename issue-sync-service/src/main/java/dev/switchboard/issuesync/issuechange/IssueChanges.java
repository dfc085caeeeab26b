package dev.switchboard.issuesync.issuechange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.IssueStateChanged;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.link.AppliedChanges;
import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.link.IssueEvents;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.LinkIntents;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.link.Reports;
import dev.switchboard.issuesync.link.TicketCommands;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTrackers;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.StateCategory;
import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.Tracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies issue changes to the linked tickets, per issue in order: under a lock on the
 * issue's row, a change older than the last applied one is dropped. Command ids derive
 * from the change itself (tracker, issue id, updated time, new state), so a duplicate
 * webhook, a late retry or a reconciliation read of the same change produce the same ids.
 */
@Service
public class IssueChanges implements AppliedChanges {

	private static final Logger log = LoggerFactory.getLogger(IssueChanges.class);

	/**
	 * Pull requests of one release read from GitHub at most (the others were seen
	 * merged).
	 */
	private static final int MAX_PULL_REQUEST_READS = 50;

	/** How long a link may take before its intent no longer counts. */
	private static final Duration LINK_IN_FLIGHT = Duration.ofMinutes(5);

	private final Issues issues;

	private final Links links;

	private final IssueTrackers trackers;

	private final TicketCommands tickets;

	private final IssueEvents events;

	private final SyncMetrics metrics;

	private final IssueSyncProperties properties;

	private final Clock clock;

	private final Fixes fixes;

	private final LinkIntents intents;

	private final History history;

	public IssueChanges(Issues issues, Links links, IssueTrackers trackers, TicketCommands tickets, IssueEvents events,
			SyncMetrics metrics, IssueSyncProperties properties, Clock clock, Fixes fixes, LinkIntents intents,
			History history) {
		this.history = history;
		this.fixes = fixes;
		this.intents = intents;
		this.issues = issues;
		this.links = links;
		this.trackers = trackers;
		this.tickets = tickets;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return whether linked tickets were told
	 */
	@Transactional
	public boolean apply(IssueChange change) {
		return apply(change, false);
	}

	/**
	 * Applies a change reconciliation found (its webhook never arrived), exactly as the
	 * webhook would have; the history says who found it.
	 * @return whether linked tickets were told
	 */
	@Transactional
	public boolean reconcile(IssueChange change) {
		return apply(change, true);
	}

	private boolean apply(IssueChange change, boolean byReconciliation) {
		return switch (change) {
			case IssueChange.Updated updated -> update(updated, byReconciliation);
			case IssueChange.Transferred transferred -> transfer(transferred, byReconciliation);
			case IssueChange.Commented commented -> relay(commented);
			case IssueChange.FixMerged fix -> fixMerged(fix);
			case IssueChange.Released release -> released(release);
			case IssueChange.VersionReleased version -> versionReleased(version);
		};
	}

	private boolean update(IssueChange.Updated change, boolean byReconciliation) {
		IssueSnapshot after = change.after();
		Optional<IssueSnapshot> locked = this.issues.lock(after.tracker(), after.issueId());
		if (locked.isEmpty()
				&& this.intents.inFlight(after.tracker(), after.key(), this.clock.instant().minus(LINK_IN_FLIGHT))) {
			// a ticket is being linked to the issue: its link (which read the tracker
			// before
			// this change) finds the change stored and applies it to the ticket
			if (this.issues.insertIfAbsent(after)) {
				this.metrics.changeIgnored(after.tracker(), "stored-for-link");
				return false;
			}
			// the link committed while this waited for its insert: apply as usual
			locked = this.issues.lock(after.tracker(), after.issueId());
		}
		if (locked.isEmpty()) {
			this.metrics.changeIgnored(after.tracker(), "not-linked");
			return false;
		}
		IssueSnapshot before = locked.get();
		if (after.updatedAt().isBefore(before.updatedAt())) {
			log.info("Dropped a stale change of {} ({} before {})", after.displayName(), after.updatedAt(),
					before.updatedAt());
			this.metrics.changeIgnored(after.tracker(), "stale");
			return false;
		}
		if (before.sameStateAs(after)) {
			this.issues.save(after.withEtag(before.etag()));
			return false;
		}
		if (after.updatedAt().equals(before.updatedAt()) && !confirmedByTracker(after)) {
			this.metrics.changeIgnored(after.tracker(), "tie-not-current");
			return false;
		}
		this.issues.save(after.withEtag(before.etag()));
		// a close note still held for an earlier close goes first, so notes keep their
		// order
		sendHeldCloseNote(after.tracker(), after.issueId());
		tellTickets(after, (change.previousState() != null) ? change.previousState() : before.state(), change,
				byReconciliation);
		return true;
	}

	/**
	 * Same updated time, different state (GitHub's timestamps are to the second): the
	 * tracker's current state decides.
	 */
	private boolean confirmedByTracker(IssueSnapshot after) {
		return this.trackers.read(after.locator()).sameStateAs(after);
	}

	private void tellTickets(IssueSnapshot after, String previousState, IssueChange.Updated change,
			boolean byReconciliation) {
		Cause cause = stateCause(after, change.correlationId());
		boolean reopen = reopens(after);
		boolean note = reopen || this.properties.behaviour().noteOnStatusChange();
		List<Link> linked = this.links.ofIssue(after.tracker(), after.issueId());
		List<TicketCommand> commands = new ArrayList<>();
		String text = ChangeNotes.stateChanged(after, previousState, change.actor(), reopen);
		boolean held = false;
		if (note && after.tracker() == Tracker.GITHUB && after.category() == StateCategory.COMPLETED) {
			// a merged pull request that closes the issue arrives about when the close
			// does, in
			// either order: the close note names it, so it waits a little for it
			List<IssueFix> fixed = this.fixes.of(after.tracker(), after.issueId());
			Instant due = after.updatedAt().plus(this.properties.fixWait());
			if (!fixed.isEmpty()) {
				text = ChangeNotes.withFixes(text, fixed);
			}
			else if (due.isAfter(this.clock.instant())) {
				this.fixes.hold(after.tracker(), after.issueId(), new Fixes.HeldNote(cause, text, due));
				held = true;
			}
		}
		Instant now = this.clock.instant();
		List<HistoryEntry> entries = new ArrayList<>();
		entries.add(ChangeHistory.changed(after, previousState, change.actor(), linked.size(), cause, byReconciliation,
				now));
		if (held) {
			entries.add(ChangeHistory.held(after, cause, after.updatedAt().plus(this.properties.fixWait()), now));
		}
		for (Link link : linked) {
			if (note && !held) {
				UUID noteId = cause.id("note", link.ticketId());
				commands.add(AddInternalNote.of(noteId, cause.correlationId(), link.ticketId(), cause.at(), text));
				entries.add(ChangeHistory.note(link, after, noteId, text, now));
			}
			if (reopen) {
				UUID reopenId = cause.id("reopen", link.ticketId());
				commands.add(Reopen.of(reopenId, cause.correlationId(), link.ticketId(), cause.at()));
				entries.add(ChangeHistory.reopen(link, after, reopenId, now));
			}
			this.properties.ticketField()
				.configured()
				.ifPresent((field) -> commands.add(SetField.of(cause.id("field", link.ticketId()),
						cause.correlationId(), link.ticketId(), cause.at(), field, after.state())));
		}
		this.tickets.send(commands);
		this.history.record(entries);
		this.events.publish(List.of(IssueStateChanged.of(cause.id("issue-state-changed"), cause.correlationId(),
				after.tracker().id(), after.issueId(), cause.at(), after.key(), previousState, after.state(),
				after.category().id(), change.actor(), linked.size())));
		if (note && !held) {
			this.metrics.notesSent(linked.size());
		}
		if (reopen) {
			this.metrics.reopensSent(linked.size());
			this.metrics.closedToReopened(Duration.between(after.updatedAt(), this.clock.instant()));
		}
	}

	/**
	 * A link was made from a tracker read older than a change applied meanwhile (the
	 * change's webhook was consumed between the read and the link's commit): the new
	 * link's ticket gets what every linked ticket got for the change, under the same
	 * command ids. The caller holds the issue's row lock.
	 */
	@Override
	public void tellNewLink(IssueSnapshot current, String previousState, Link link, String correlationId) {
		Cause cause = stateCause(current, correlationId);
		boolean reopen = reopens(current);
		boolean note = reopen || this.properties.behaviour().noteOnStatusChange();
		List<TicketCommand> commands = new ArrayList<>();
		List<HistoryEntry> entries = new ArrayList<>();
		Instant now = this.clock.instant();
		// a held close note goes to every linked ticket when it is sent, this one
		// included
		if (note && !this.fixes.held(current.tracker(), current.issueId())) {
			String text = ChangeNotes.stateChanged(current, previousState, null, reopen);
			List<IssueFix> fixed = this.fixes.of(current.tracker(), current.issueId());
			if (current.category() == StateCategory.COMPLETED && !fixed.isEmpty()) {
				text = ChangeNotes.withFixes(text, fixed);
			}
			UUID noteId = cause.id("note", link.ticketId());
			commands.add(AddInternalNote.of(noteId, cause.correlationId(), link.ticketId(), cause.at(), text));
			entries.add(ChangeHistory.note(link, current, noteId, text, now));
			this.metrics.notesSent(1);
		}
		if (reopen) {
			UUID reopenId = cause.id("reopen", link.ticketId());
			commands.add(Reopen.of(reopenId, cause.correlationId(), link.ticketId(), cause.at()));
			entries.add(ChangeHistory.reopen(link, current, reopenId, now));
			this.metrics.reopensSent(1);
		}
		this.tickets.send(commands);
		this.history.record(entries);
	}

	private static Cause stateCause(IssueSnapshot after, String correlationId) {
		return new Cause(
				"state|" + after.tracker().id() + "|" + after.issueId() + "|" + after.updatedAt() + "|" + after.state(),
				correlationId, after.updatedAt());
	}

	private boolean reopens(IssueSnapshot after) {
		return switch (after.category()) {
			case OPEN -> false;
			case COMPLETED -> this.properties.behaviour().reopenOnCompleted();
			case NOT_PLANNED -> this.properties.behaviour().reopenOnNotPlanned();
		};
	}

	/**
	 * Relays a comment to the linked tickets ({@code note-on-comment}), except
	 * Switchboard's own comments: recognised by the own-write ledger or the origin
	 * marker, never by the author being a bot (other bots' comments are real events).
	 */
	private boolean relay(IssueChange.Commented comment) {
		IssueSnapshot issue = comment.issue();
		if (!this.properties.behaviour().noteOnComment()) {
			return false;
		}
		if (this.issues.isOwnComment(issue.tracker(), comment.commentId())
				|| comment.body().contains(Reports.ORIGIN_MARKER)) {
			this.metrics.changeIgnored(issue.tracker(), "own-write");
			return false;
		}
		List<Link> linked = this.links.ofIssue(issue.tracker(), issue.issueId());
		Cause cause = new Cause("comment|" + issue.tracker().id() + "|" + comment.commentId(), comment.correlationId(),
				issue.updatedAt());
		String text = ChangeNotes.commented(issue, comment.author(), comment.body());
		this.tickets.send(linked.stream()
			.<TicketCommand>map((link) -> AddInternalNote.of(cause.id("note", link.ticketId()), cause.correlationId(),
					link.ticketId(), cause.at(), text))
			.toList());
		Instant now = this.clock.instant();
		this.history.record(linked.stream()
			.map((link) -> ChangeHistory.relayed(link, issue, cause.id("note", link.ticketId()), comment.author(), now))
			.toList());
		this.metrics.notesSent(linked.size());
		return !linked.isEmpty();
	}

	/**
	 * Records the fix of every followed issue the pull request closes; a close note held
	 * for it is sent now, naming the fix. No note of its own: the close note tells it.
	 */
	private boolean fixMerged(IssueChange.FixMerged merged) {
		IssueFix fix = new IssueFix(merged.pullRequest(), merged.title(), merged.url(), merged.mergedBy(),
				merged.mergedAt());
		boolean told = false;
		for (IssueLocator closed : merged.closes()) {
			Optional<IssueSnapshot> issue = this.issues.byKey(closed.tracker(), closed.key());
			if (issue.isEmpty() || this.issues.lock(closed.tracker(), issue.get().issueId()).isEmpty()) {
				continue;
			}
			this.fixes.record(closed.tracker(), issue.get().issueId(), fix);
			this.history.record(List.of(ChangeHistory.fixMerged(issue.get(), fix, this.clock.instant())));
			told |= sendHeldCloseNote(closed.tracker(), issue.get().issueId());
		}
		return told;
	}

	/**
	 * A GitHub release: the followed issues its notes name, and those closed by the pull
	 * requests it names (merges seen by issue-sync, else read from GitHub for pull
	 * request URLs), get their tickets told once.
	 */
	private boolean released(IssueChange.Released release) {
		java.util.Map<String, IssueSnapshot> fixed = new java.util.LinkedHashMap<>();
		for (IssueLocator reference : release.issues()) {
			this.issues.byKey(reference.tracker(), reference.key())
				.ifPresent((issue) -> fixed.putIfAbsent(issue.issueId(), issue));
		}
		int reads = 0;
		for (String pullRequest : release.pullRequests()) {
			List<String> closed = this.fixes.closedBy(Tracker.GITHUB, pullRequest);
			closed.forEach((issueId) -> this.issues.find(Tracker.GITHUB, issueId)
				.ifPresent((issue) -> fixed.putIfAbsent(issue.issueId(), issue)));
			if (closed.isEmpty() && release.explicitPullRequests().contains(pullRequest)
					&& reads++ < MAX_PULL_REQUEST_READS) {
				for (IssueLocator issue : this.trackers.of(Tracker.GITHUB).closedByPullRequest(pullRequest)) {
					this.issues.byKey(issue.tracker(), issue.key())
						.ifPresent((found) -> fixed.putIfAbsent(found.issueId(), found));
				}
			}
		}
		Cause cause = new Cause("shipped|github|" + release.releaseId(), release.correlationId(), release.releasedAt());
		return noticeShipped(cause, fixed.values(), release.version(),
				release.releasedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), release.url());
	}

	/**
	 * A released Jira version: its followed issues (Jira's search for the version) get
	 * their tickets told once.
	 */
	private boolean versionReleased(IssueChange.VersionReleased version) {
		List<IssueSnapshot> fixed = this.trackers.of(Tracker.JIRA)
			.fixedIn(version.versionId())
			.stream()
			.filter((issue) -> this.issues.find(Tracker.JIRA, issue.issueId()).isPresent())
			.toList();
		if (fixed.isEmpty()) {
			return false;
		}
		// the version's page: <site>/projects/<KEY>/versions/<id>
		IssueSnapshot first = fixed.get(0);
		String site = first.url().substring(0, first.url().lastIndexOf("/browse/"));
		String project = first.key().substring(0, first.key().lastIndexOf('-'));
		String url = site + "/projects/" + project + "/versions/" + version.versionId()
				+ "/tab/release-report-all-issues";
		Cause cause = new Cause("shipped|jira|" + version.versionId(), version.correlationId(), version.at());
		return noticeShipped(cause, fixed, version.name(), (version.releaseDate() != null) ? version.releaseDate()
				: version.at().atZone(java.time.ZoneOffset.UTC).toLocalDate(), url);
	}

	/**
	 * One note per linked ticket naming its fixed issues, each ticket and issue once
	 * whatever releases follow; a repeat of the same release sends the same ids.
	 */
	private boolean noticeShipped(Cause cause, java.util.Collection<IssueSnapshot> fixed, String version,
			java.time.LocalDate date, String url) {
		java.util.Map<String, List<IssueSnapshot>> perTicket = new java.util.TreeMap<>();
		for (IssueSnapshot issue : fixed) {
			for (Link link : this.links.ofIssue(issue.tracker(), issue.issueId())) {
				if (this.fixes.claimShippedNotice(issue.tracker(), issue.issueId(), link.ticketId(), cause.key(),
						this.clock.instant())) {
					perTicket.computeIfAbsent(link.ticketId(), (ticket) -> new ArrayList<>()).add(issue);
				}
			}
		}
		this.tickets.send(perTicket.entrySet()
			.stream()
			.<TicketCommand>map((ticket) -> AddInternalNote.of(cause.id("note", ticket.getKey()), cause.correlationId(),
					ticket.getKey(), cause.at(), ChangeNotes.fixShipped(ticket.getValue(), version, date, url)))
			.toList());
		Instant now = this.clock.instant();
		List<HistoryEntry> entries = new ArrayList<>();
		perTicket.forEach((ticket, issues) -> issues.forEach((issue) -> entries
			.add(ChangeHistory.noticeSent(ticket, issue, cause.id("note", ticket), version, now))));
		this.history.record(entries);
		this.metrics.notesSent(perTicket.size());
		return !perTicket.isEmpty();
	}

	/**
	 * Sends the close notes whose wait for a fix is over (the job calls this).
	 * @return how many issues' notes were sent
	 */
	@Transactional
	public int sendDueCloseNotes(int limit) {
		int sent = 0;
		for (String[] due : this.fixes.due(this.clock.instant(), limit)) {
			Tracker tracker = Tracker.byId(due[0]);
			this.issues.lock(tracker, due[1]);
			if (sendHeldCloseNote(tracker, due[1])) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Sends the issue's held close note, with the fixes known now, under the close's
	 * command ids (the caller holds the issue's row lock).
	 */
	private boolean sendHeldCloseNote(Tracker tracker, String issueId) {
		Optional<Fixes.HeldNote> held = this.fixes.take(tracker, issueId);
		if (held.isEmpty()) {
			return false;
		}
		Cause cause = held.get().cause();
		List<IssueFix> fixed = this.fixes.of(tracker, issueId);
		String text = fixed.isEmpty() ? held.get().body() : ChangeNotes.withFixes(held.get().body(), fixed);
		List<Link> linked = this.links.ofIssue(tracker, issueId);
		this.tickets.send(linked.stream()
			.<TicketCommand>map((link) -> AddInternalNote.of(cause.id("note", link.ticketId()), cause.correlationId(),
					link.ticketId(), cause.at(), text))
			.toList());
		Instant now = this.clock.instant();
		this.issues.find(tracker, issueId)
			.ifPresent((issue) -> this.history.record(linked.stream()
				.map((link) -> ChangeHistory.closeNote(link, issue, cause.id("note", link.ticketId()), text, fixed,
						now))
				.toList()));
		this.metrics.notesSent(linked.size());
		return !linked.isEmpty();
	}

	private boolean transfer(IssueChange.Transferred change, boolean byReconciliation) {
		IssueSnapshot from = change.from();
		IssueSnapshot to = change.to();
		if (this.issues.lock(from.tracker(), from.issueId()).isEmpty()) {
			this.metrics.changeIgnored(from.tracker(), "not-linked");
			return false;
		}
		this.issues.saveIfNotOlder(to);
		List<Link> moved = this.links.rekey(from.tracker(), from.issueId(), to.issueId());
		this.issues.movedTo(from.tracker(), from.issueId(), to.issueId());
		this.issues.reportChanged(to.tracker(), to.issueId());
		Cause cause = new Cause("transfer|" + from.tracker().id() + "|" + from.issueId() + "|" + to.issueId(),
				change.correlationId(), to.updatedAt());
		List<TicketCommand> commands = new ArrayList<>();
		Instant now = this.clock.instant();
		List<HistoryEntry> entries = new ArrayList<>();
		entries.add(ChangeHistory.transferred(from, to, moved.size(), byReconciliation, now));
		for (Link link : moved) {
			UUID noteId = cause.id("note", link.ticketId());
			String text = ChangeNotes.transferred(from, to);
			commands.add(AddInternalNote.of(noteId, cause.correlationId(), link.ticketId(), cause.at(), text));
			entries.add(ChangeHistory.note(link, to, noteId, text, now));
		}
		this.tickets.send(commands);
		this.history.record(entries);
		this.metrics.notesSent(moved.size());
		return !moved.isEmpty();
	}

}
