package dev.switchboard.issuesync.issuechange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.tracker.Tracker;
import org.jspecify.annotations.Nullable;

/** The history in a list, in the order written; a repeated id records nothing. */
class InMemoryHistory implements History {

	final List<HistoryEntry> entries = new ArrayList<>();

	@Override
	public void record(List<HistoryEntry> entries) {
		for (HistoryEntry entry : entries) {
			if (this.entries.stream().noneMatch((recorded) -> recorded.id().equals(entry.id()))) {
				this.entries.add(entry);
			}
		}
	}

	@Override
	public List<HistoryEntry> linkEntriesOfTicket(String ticketId) {
		return this.entries.stream()
			.filter((entry) -> ticketId.equals(entry.ticketId()) && entry.kind().word().startsWith("link."))
			.toList();
	}

	@Override
	public List<HistoryEntry> ofTicket(String ticketId, List<Span> spans, int limit) {
		return this.entries.stream()
			.filter((entry) -> ticketId.equals(entry.ticketId()) || (entry.ticketId() == null && spans.stream()
				.anyMatch((span) -> span.tracker() == entry.tracker() && span.issueId().equals(entry.issueId())
						&& !entry.at().isBefore(span.from())
						&& (span.to() == null || !entry.at().isAfter(Objects.requireNonNull(span.to()))))))
			.limit(limit)
			.toList();
	}

	@Override
	public List<HistoryEntry> ofIssue(Tracker tracker, @Nullable String issueId, String issueKey, int limit) {
		return this.entries.stream()
			.filter((entry) -> entry.tracker() == tracker && ((issueId != null && issueId.equals(entry.issueId()))
					|| (entry.issueId() == null && entry.issueKey().equals(issueKey))))
			.limit(limit)
			.toList();
	}

	/** The kinds recorded, in order. */
	List<String> kinds() {
		return this.entries.stream().map((entry) -> entry.kind().word()).toList();
	}

}
