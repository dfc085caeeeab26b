package dev.switchboard.issuesync.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.link.InvalidFieldException;
import dev.switchboard.issuesync.link.IssueUrls;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Issues;

import org.springframework.stereotype.Service;

/**
 * What issue-sync did about a ticket or an issue, as {@code GET /api/timeline} answers
 * it: oldest first, at most {@link TimelineEntry#MAX_PER_SERVICE} (the oldest). A
 * ticket's timeline has its own entries (links, notes, reopens, notices, link requests)
 * and, for each issue it was linked to, the entries about the issue as a whole from the
 * link on (state changes, reconciliation corrections, report comments, tracker failures).
 * An issue's timeline has everything recorded with its id, across all its tickets. Links
 * made before the history was kept show as made when they were. Calls, sessions and
 * incidents are no concern of issue-sync: their timelines are empty here.
 */
@Service
public class Timelines {

	/** The longest value looked up. */
	public static final int MAX_VALUE = 2048;

	private static final int MAX = TimelineEntry.MAX_PER_SERVICE;

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final History history;

	private final Links links;

	private final Issues issues;

	private final IssueUrls urls;

	public Timelines(History history, Links links, Issues issues, IssueUrls urls) {
		this.history = history;
		this.links = links;
		this.issues = issues;
		this.urls = urls;
	}

	/**
	 * @param value the value of the subject's parameter, as given
	 * @throws InvalidFieldException (named after the parameter) for a value out of form:
	 * empty, longer than {@link #MAX_VALUE}, a ticket id that is not 1 to 18 digits, a
	 * session id that is no UUID, an issue URL this service does not parse
	 */
	public List<TimelineEntry> of(TimelineSubject subject, String value) {
		String field = subject.parameter();
		if (value.isBlank()) {
			throw new InvalidFieldException(field, "is empty");
		}
		if (value.length() > MAX_VALUE) {
			throw new InvalidFieldException(field, "is longer than " + MAX_VALUE + " characters");
		}
		return switch (subject) {
			case TICKET -> ofTicket(ticketId(field, value));
			case ISSUE -> ofIssue(issue(field, value));
			case SESSION -> {
				if (!SESSION_ID.matcher(value).matches()) {
					throw new InvalidFieldException(field, "must be a session id (a UUID)");
				}
				yield List.of();
			}
			case CALL, INCIDENT -> List.of();
		};
	}

	private List<TimelineEntry> ofTicket(String ticketId) {
		List<Link> current = this.links.ofTicket(ticketId);
		List<HistoryEntry> linkEntries = this.history.linkEntriesOfTicket(ticketId);
		List<HistoryEntry> found = this.history.ofTicket(ticketId, spans(linkEntries, current), MAX);
		return inTimeOrder(found, linkedBeforeTheHistory(current, linkEntries));
	}

	private List<TimelineEntry> ofIssue(IssueLocator locator) {
		Optional<IssueSnapshot> issue = this.issues.byKey(locator.tracker(), locator.key());
		List<HistoryEntry> found = this.history.ofIssue(locator.tracker(),
				issue.map(IssueSnapshot::issueId).orElse(null), locator.key(), MAX);
		List<Link> current = issue.map((snapshot) -> this.links.ofIssue(snapshot.tracker(), snapshot.issueId()))
			.orElse(List.of());
		return inTimeOrder(found, linkedBeforeTheHistory(current, found));
	}

	/**
	 * When the ticket was linked to each issue: from its first link (its history, or the
	 * link's creation for a link older than the history) until its last removal, if it is
	 * not linked now.
	 */
	private static List<History.Span> spans(List<HistoryEntry> linkEntries, List<Link> current) {
		Map<String, History.Span> spans = new LinkedHashMap<>();
		for (HistoryEntry entry : linkEntries) {
			String issueId = entry.issueId();
			if (issueId == null) {
				continue;
			}
			String key = entry.tracker().id() + "|" + issueId;
			History.Span span = spans.get(key);
			// a link removed that was made before the history was kept: from the start
			Instant from = (span != null) ? span.from()
					: (entry.kind() == HistoryEntry.Kind.LINK_CREATED) ? entry.at() : Instant.EPOCH;
			Instant to = (entry.kind() == HistoryEntry.Kind.LINK_CREATED) ? null : entry.at();
			spans.put(key, new History.Span(entry.tracker(), issueId, from, to));
		}
		for (Link link : current) {
			String key = link.tracker().id() + "|" + link.issueId();
			History.Span span = spans.get(key);
			Instant from = (span != null && span.from().isBefore(link.createdAt())) ? span.from() : link.createdAt();
			spans.put(key, new History.Span(link.tracker(), link.issueId(), from, null));
		}
		return List.copyOf(spans.values());
	}

	/** Current links made before the history was kept: shown as made when they were. */
	private List<TimelineEntry> linkedBeforeTheHistory(List<Link> current, List<HistoryEntry> recorded) {
		Set<String> recordedLinks = new HashSet<>();
		for (HistoryEntry entry : recorded) {
			String ref = entry.ref();
			if (entry.kind() == HistoryEntry.Kind.LINK_CREATED && ref != null) {
				recordedLinks.add(ref);
			}
		}
		List<TimelineEntry> entries = new ArrayList<>();
		for (Link link : current) {
			if (recordedLinks.contains(link.id().toString())) {
				continue;
			}
			this.issues.find(link.tracker(), link.issueId())
				.ifPresent((issue) -> entries.add(new TimelineEntry(link.createdAt(), ServiceNames.ISSUE_SYNC,
						HistoryEntry.Kind.LINK_CREATED.word(), "Ticket " + link.ticketId() + " linked to "
								+ issue.displayName() + " \"" + issue.title() + "\" (now " + issue.state() + ")",
						TimelineEntry.OK, link.id().toString())));
		}
		return entries;
	}

	/**
	 * The recorded entries (in the order written) with the older links among them, by
	 * time (a stable sort: entries of one instant keep their order); the oldest
	 * {@link TimelineEntry#MAX_PER_SERVICE}.
	 */
	private static List<TimelineEntry> inTimeOrder(List<HistoryEntry> recorded, List<TimelineEntry> older) {
		List<TimelineEntry> entries = new ArrayList<>(recorded.size() + older.size());
		recorded.forEach((entry) -> entries.add(entry(entry)));
		entries.addAll(older);
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return List.copyOf(entries.subList(0, Math.min(MAX, entries.size())));
	}

	private static TimelineEntry entry(HistoryEntry entry) {
		String outcome = switch (entry.outcome()) {
			case OK -> TimelineEntry.OK;
			case PENDING -> TimelineEntry.PENDING;
			case FAILED -> TimelineEntry.FAILED;
		};
		return new TimelineEntry(entry.at(), ServiceNames.ISSUE_SYNC, entry.kind().word(), entry.summary(), outcome,
				entry.ref());
	}

	private static String ticketId(String field, String value) {
		if (!TICKET_ID.matcher(value).matches()) {
			throw new InvalidFieldException(field, "must be a ticket id: 1 to 18 digits (0-9)");
		}
		return value;
	}

	/** The issue a URL names, parsed as a URL pasted into a note is. */
	private IssueLocator issue(String field, String value) {
		try {
			return this.urls.parse(value)
				.orElseThrow(() -> new InvalidFieldException(field,
						"must be the URL of a GitHub issue (on issue-sync.github.web-hosts) or of an issue on the"
								+ " configured Jira site"));
		}
		catch (InvalidFieldException ex) {
			if (ex.field().equals(field)) {
				throw ex;
			}
			throw new InvalidFieldException(field, ex.problem());
		}
	}

}
