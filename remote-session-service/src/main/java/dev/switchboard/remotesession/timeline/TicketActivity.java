package dev.switchboard.remotesession.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.remotesession.session.OutboundMessages;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionHistoryEntry;
import dev.switchboard.remotesession.session.Sessions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this service did about a ticket (every session of it) or about one session, as
 * timeline entries, oldest first, at most {@link TimelineEntry#MAX_PER_SERVICE}. Not to
 * be confused with {@code SessionTimeline}, which applies what vendors report: this only
 * reads, through the session feature's ports (sessions by ticket id, each session's
 * history, which of its ticket commands still wait in the outbox), all by indexed
 * columns.
 */
@Service
public class TicketActivity {

	private final Sessions sessions;

	private final OutboundMessages outbound;

	public TicketActivity(Sessions sessions, OutboundMessages outbound) {
		this.sessions = sessions;
		this.outbound = outbound;
	}

	/** Every session of the ticket; none: empty. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> ofTicket(String ticketId) {
		// each session adds an entry at its creation, so sessions beyond the first
		// MAX_PER_SERVICE (by creation) cannot reach the oldest MAX_PER_SERVICE entries
		return entries(this.sessions.byTicket(ticketId).stream().limit(TimelineEntry.MAX_PER_SERVICE).toList());
	}

	/** The one session; unknown: empty. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> ofSession(UUID sessionId) {
		return entries(this.sessions.find(sessionId).stream().toList());
	}

	private List<TimelineEntry> entries(List<Session> found) {
		List<Trail> trails = found.stream()
			.map((session) -> new Trail(session, this.sessions.history(session.id())))
			.toList();
		Set<UUID> unsent = this.outbound.unsent(found.stream().flatMap(SessionEntries::commandIds).toList());
		List<TimelineEntry> entries = new ArrayList<>();
		trails.forEach((trail) -> entries.addAll(SessionEntries.of(trail.session(), trail.history(), unsent)));
		// a stable sort: entries at the same instant keep the order they happened in
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return List.copyOf(entries.subList(0, Math.min(entries.size(), TimelineEntry.MAX_PER_SERVICE)));
	}

	private record Trail(Session session, List<SessionHistoryEntry> history) {
	}

}
