package dev.switchboard.issuesync.link;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.IssueEvent;
import dev.switchboard.contracts.IssueLinked;
import dev.switchboard.contracts.IssueUnlinked;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.IssueTrackers;
import dev.switchboard.issuesync.tracker.Issues;
import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.TrackerFailure;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links and unlinks tickets and issues. Every method runs in one transaction whose
 * messages are confirmed by the broker before it commits.
 */
@Service
public class Linking {

	private final IssueTrackers trackers;

	private final Issues issues;

	private final Links links;

	private final TicketCommands tickets;

	private final IssueEvents events;

	private final SyncMetrics metrics;

	private final IssueSyncProperties properties;

	private final Clock clock;

	private final LinkIntents intents;

	private final AppliedChanges changes;

	private final History history;

	public Linking(IssueTrackers trackers, Issues issues, Links links, TicketCommands tickets, IssueEvents events,
			SyncMetrics metrics, IssueSyncProperties properties, Clock clock, LinkIntents intents,
			AppliedChanges changes, History history) {
		this.history = history;
		this.intents = intents;
		this.changes = changes;
		this.trackers = trackers;
		this.issues = issues;
		this.links = links;
		this.tickets = tickets;
		this.events = events;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Reads the issue from its tracker and links it to the ticket; a pair linked already
	 * stays as it is.
	 * @throws TrackerFailure when the tracker cannot tell what the issue is
	 */
	@Transactional(noRollbackFor = TrackerFailure.class)
	public LinkResult link(String ticketId, IssueLocator locator, Cause cause) {
		// committed before the read: a change of the issue consumed before this link
		// commits
		// is stored for it instead of dropped (nobody links the issue yet)
		UUID intent = this.intents.begin(locator.tracker(), locator.key(), this.clock.instant());
		IssueSnapshot issue = this.trackers.read(locator);
		this.issues.saveIfNotOlder(issue);
		// the newest state stored, locked: a change applied since the read shows here
		IssueSnapshot current = this.issues.lock(issue.tracker(), issue.issueId()).orElse(issue);
		Link link = Link.of(ticketId, issue.tracker(), issue.issueId(), this.clock.instant());
		this.intents.end(intent);
		if (!this.links.add(link)) {
			return new LinkResult(this.links.byId(link.id()).orElse(link), issue, false);
		}
		List<TicketCommand> commands = new ArrayList<>();
		UUID noteId = cause.id("linked-note", link.id().toString());
		commands
			.add(AddInternalNote.of(noteId, cause.correlationId(), ticketId, cause.at(), TicketNotes.linked(current)));
		this.properties.ticketField()
			.configured()
			.ifPresent((field) -> commands.add(SetField.of(cause.id("linked-field", link.id().toString()),
					cause.correlationId(), ticketId, cause.at(), field, current.state())));
		this.issues.reportChanged(issue.tracker(), issue.issueId());
		this.tickets.send(commands);
		this.history.record(List.of(LinkHistory.created(link, current, noteId)));
		this.events.publish(List.of(IssueLinked.of(cause.id("issue-linked", link.id().toString()),
				cause.correlationId(), issue.tracker().id(), issue.issueId(), cause.at(), ticketId, issue.key(),
				issue.url(), current.state())));
		this.metrics.linked(issue.tracker());
		this.metrics.notesSent(1);
		if (current.updatedAt().isAfter(issue.updatedAt()) && !current.sameStateAs(issue)) {
			this.changes.tellNewLink(current, issue.state(), link, cause.correlationId());
		}
		return new LinkResult(link, issue, true);
	}

	/** Removes the ticket's link to the issue the URL names, if there is one. */
	@Transactional(noRollbackFor = TrackerFailure.class)
	public boolean unlink(String ticketId, IssueLocator locator, Cause cause) {
		Optional<IssueSnapshot> issue = this.issues.byKey(locator.tracker(), locator.key());
		if (issue.isEmpty()) {
			issue = Optional.of(this.trackers.read(locator));
		}
		return remove(Link.idOf(ticketId, issue.get().tracker(), issue.get().issueId()), cause);
	}

	/** Removes a link by id; tells the ticket and counts one report less. */
	@Transactional
	public boolean remove(UUID linkId, Cause cause) {
		Optional<Link> link = this.links.byId(linkId);
		if (link.isEmpty() || !this.links.remove(linkId)) {
			return false;
		}
		Link removed = link.get();
		Optional<IssueSnapshot> issue = this.issues.find(removed.tracker(), removed.issueId());
		List<TicketCommand> commands = new ArrayList<>();
		UUID noteId = cause.id("unlinked-note", linkId.toString());
		issue.ifPresent((snapshot) -> commands.add(AddInternalNote.of(noteId, cause.correlationId(), removed.ticketId(),
				cause.at(), TicketNotes.unlinked(snapshot))));
		this.properties.ticketField()
			.configured()
			.ifPresent((field) -> commands.add(SetField.of(cause.id("unlinked-field", linkId.toString()),
					cause.correlationId(), removed.ticketId(), cause.at(), field, null)));
		this.issues.reportChanged(removed.tracker(), removed.issueId());
		this.tickets.send(commands);
		issue.ifPresent((snapshot) -> this.history
			.record(List.of(LinkHistory.removed(removed, snapshot, noteId, this.clock.instant()))));
		List<IssueEvent> unlinked = List.of(IssueUnlinked.of(cause.id("issue-unlinked", linkId.toString()),
				cause.correlationId(), removed.tracker().id(), removed.issueId(), cause.at(), removed.ticketId()));
		this.events.publish(unlinked);
		this.metrics.unlinked(removed.tracker());
		return true;
	}

	/** A closed ticket was replaced by a follow-up: its links move there. */
	@Transactional
	public List<Link> followUp(String closedTicketId, String followUpTicketId) {
		List<Link> before = this.links.ofTicket(closedTicketId);
		List<Link> moved = this.links.moveTicket(closedTicketId, followUpTicketId);
		moved.forEach((link) -> this.issues.reportChanged(link.tracker(), link.issueId()));
		Instant now = this.clock.instant();
		List<HistoryEntry> entries = new ArrayList<>();
		before.forEach((link) -> this.issues.find(link.tracker(), link.issueId())
			.ifPresent((issue) -> entries.add(LinkHistory.movedAway(link, followUpTicketId, issue, now))));
		moved.forEach((link) -> this.issues.find(link.tracker(), link.issueId())
			.ifPresent((issue) -> entries.add(LinkHistory.takenOver(link, closedTicketId, issue, now))));
		this.history.record(entries);
		return moved;
	}

	/** What {@link #link} did. */
	public record LinkResult(Link link, IssueSnapshot issue, boolean created) {
	}

}
