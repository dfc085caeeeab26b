package dev.switchboard.crmbridge.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.crmbridge.call.CallRequest;
import dev.switchboard.crmbridge.ticket.FollowUp;
import dev.switchboard.crmbridge.ticket.RecordedCommand;
import org.jspecify.annotations.Nullable;

/**
 * A ticket's own entries besides its commands and calls: follow-ups, {@code /call} notes.
 */
final class TicketEntries {

	private static final int LONGEST_REASON = 240;

	private TicketEntries() {
	}

	/**
	 * A {@code /call} note acted on: dialled, or not (then crm-bridge queued a note
	 * telling the agent why, whose first sentence says it).
	 * @param notDialled that note, if one was queued
	 */
	static TimelineEntry callRequest(CallRequest request, @Nullable RecordedCommand notDialled) {
		String note = "/call note in comment " + request.commentId();
		if (notDialled == null) {
			return Entries.ok(request.requestedAt(), "call.requested",
					note + " dialled: the agent's phone rings first, then the customer's (see the call on this ticket)",
					null);
		}
		return Entries.of(request.requestedAt(), "call.requested", note + ": " + firstSentence(notDialled),
				TimelineEntry.FAILED, null);
	}

	/**
	 * The origin of the note that tells the agent why a {@code /call} note was not
	 * dialled.
	 */
	static CommandEntries.Origin notDialledNote(String commentId) {
		return new CommandEntries.Origin("note.queued",
				"Internal note queued telling the agent why the /call note in comment " + commentId
						+ " was not dialled",
				null);
	}

	/**
	 * The follow-up's creation and its announcement ({@code TicketFollowedUp}), from the
	 * side of the ticket the timeline is about.
	 */
	static List<TimelineEntry> followUp(FollowUp followUp, String subject) {
		List<TimelineEntry> entries = new ArrayList<>();
		if (followUp.createdAt() == null) {
			// created before the time was recorded: its commands still say where they
			// went
			return entries;
		}
		String closed = followUp.ticketId();
		String created = followUp.followUpTicketId();
		entries.add(Entries.ok(followUp.createdAt(), "followup.created",
				subject.equals(closed)
						? "Ticket " + closed + " was closed: follow-up " + created + " created, later commands go there"
						: "Ticket " + created + " created as the follow-up of closed ticket " + closed,
				null));
		String event = "TicketFollowedUp (" + closed + " → " + created + ")";
		if (followUp.announced() && followUp.announcedAt() != null) {
			entries.add(Entries.ok(followUp.announcedAt(), "followup.announced", event + " published on tickets.events",
					null));
		}
		else if (!followUp.announced()) {
			entries.add(Entries.of(followUp.createdAt(), "followup.unannounced",
					event + " not published yet: every drain tries again", TimelineEntry.PENDING, null));
		}
		return entries;
	}

	private static String firstSentence(RecordedCommand note) {
		String body = switch (note.command()) {
			case AddInternalNote internal -> internal.body();
			default -> "not dialled (see the internal note)";
		};
		int end = body.indexOf(". ");
		return Entries.oneLine((end > 0) ? body.substring(0, end + 1) : body, LONGEST_REASON);
	}

}
