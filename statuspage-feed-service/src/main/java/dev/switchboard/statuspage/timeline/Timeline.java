package dev.switchboard.statuspage.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.statuspage.incident.IncidentUpdates;
import dev.switchboard.statuspage.incident.SeenUpdate;
import dev.switchboard.statuspage.posting.PostHistory;
import dev.switchboard.statuspage.ticket.IncidentTickets;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What this service did about an incident or a ticket, oldest first, at most
 * {@link TimelineEntry#MAX_PER_SERVICE} entries (the oldest). Each source is read oldest
 * first up to that many rows, and every row's entry is no older than the row's first
 * time, so the oldest entries overall are among those read.
 */
@Service
public class Timeline {

	private static final int MAX = TimelineEntry.MAX_PER_SERVICE;

	private static final Comparator<TimelineEntry> BY_TIME = Comparator.comparing(TimelineEntry::at);

	private final IncidentUpdates updates;

	private final PostHistory posts;

	private final IncidentTickets tickets;

	private final PostEntries postEntries;

	Timeline(IncidentUpdates updates, PostHistory posts, IncidentTickets tickets, PostEntries postEntries) {
		this.updates = updates;
		this.posts = posts;
		this.tickets = tickets;
		this.postEntries = postEntries;
	}

	/**
	 * An incident by its code as the service keys it (the Statuspage incident id, or a
	 * plain feed's entry id): each update seen, each post of each update to each
	 * subscription, and the tickets told of it.
	 */
	@Transactional(readOnly = true)
	public List<TimelineEntry> ofIncident(String code) {
		List<TimelineEntry> entries = new ArrayList<>();
		// an update seen first is listed before the posts it queued at the same instant
		entries.addAll(updates(this.updates.seen(code, MAX)));
		entries.addAll(this.postEntries.of(this.posts.ofIncident(code, MAX)));
		entries.addAll(notes(this.tickets.ofIncident(code, MAX)));
		return oldest(entries);
	}

	/** A ticket by its helpdesk id: the incident notes it got. */
	@Transactional(readOnly = true)
	public List<TimelineEntry> ofTicket(String ticketId) {
		return oldest(notes(this.tickets.ofTicket(ticketId, MAX)));
	}

	/** Sorted by time (stable: the order above breaks ties), the oldest kept. */
	private static List<TimelineEntry> oldest(List<TimelineEntry> entries) {
		entries.sort(BY_TIME);
		return List.copyOf(entries.subList(0, Math.min(entries.size(), MAX)));
	}

	/**
	 * One entry per update of the incident, once even when two feeds of its page both
	 * recorded it (the first seen).
	 */
	private static List<TimelineEntry> updates(List<SeenUpdate> seen) {
		Set<String> shown = new HashSet<>();
		List<TimelineEntry> entries = new ArrayList<>();
		for (SeenUpdate update : seen) {
			if (shown.add(update.postedAt() + "|" + update.status())) {
				String summary = Words.oneLine(update.title()) + " — " + Words.status(update.status()) + " (from the "
						+ update.origin()
						+ (update.deliverable() ? "" : "; older than the first-run window: recorded, not posted")
						+ "): " + Words.oneLine(update.text());
				entries.add(entry(update.seenAt(), "incident." + update.change(), summary, TimelineEntry.OK));
			}
		}
		return entries;
	}

	/**
	 * The incident note and, once the incident is over, the resolved note: pending until
	 * the broker confirmed them.
	 */
	private static List<TimelineEntry> notes(List<IncidentTickets.NoteRecord> notes) {
		List<TimelineEntry> entries = new ArrayList<>();
		for (IncidentTickets.NoteRecord note : notes) {
			String title = note.title();
			String incident = ((title != null) ? "'" + Words.oneLine(title) + "' (" + note.incidentCode() + ")"
					: note.incidentCode());
			String on = "Internal note on ticket " + note.ticketId() + ": ";
			entries.add(note(note.noteSentAt(), note.createdAt(), "note.sent",
					on + "open status incident " + incident + ", which the ticket names"));
			Instant resolvedAt = note.resolvedAt();
			if (resolvedAt != null) {
				// due once the incident is over and the incident note has left
				Instant noteSentAt = note.noteSentAt();
				Instant noted = (noteSentAt != null) ? noteSentAt : note.createdAt();
				Instant due = resolvedAt.isAfter(noted) ? resolvedAt : noted;
				entries.add(note(note.resolvedSentAt(), due, "note.resolved",
						on + "status incident " + incident + " resolved"));
			}
		}
		return entries;
	}

	private static TimelineEntry note(@Nullable Instant sentAt, Instant dueAt, String kind, String summary) {
		return (sentAt != null) ? entry(sentAt, kind, summary, TimelineEntry.OK)
				: entry(dueAt, kind, summary + " (not confirmed by the broker yet)", TimelineEntry.PENDING);
	}

	private static TimelineEntry entry(Instant at, String kind, String summary, String outcome) {
		return new TimelineEntry(at, ServiceNames.STATUSPAGE_FEED, kind, summary, outcome, null);
	}

}
