package dev.switchboard.remotesession.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionHistoryEntry;
import dev.switchboard.remotesession.session.SessionState;
import dev.switchboard.remotesession.session.SessionWriteBack;
import org.jspecify.annotations.Nullable;

/**
 * One session's entries, from the history the service keeps per session (requested,
 * parked starts, created at the vendor, what the vendor reported, expiry, failure) and
 * the write-back those transitions caused (the agent link note, the customer's join link,
 * the closing note): pending while the command waits in the outbox, ok once the broker
 * took it. Summaries never carry a link or the vendor's session code (with it the
 * customer's link can be rebuilt); vendor texts are cut to one line.
 */
final class SessionEntries {

	private static final int MAX_SUMMARY = 300;

	private final Session session;

	private final Set<UUID> unsent;

	private final List<TimelineEntry> entries = new ArrayList<>();

	private int failedAttempts;

	private boolean closed;

	private SessionEntries(Session session, Set<UUID> unsent) {
		this.session = session;
		this.unsent = unsent;
	}

	/** The ticket commands a session's entries ask the outbox about. */
	static Stream<UUID> commandIds(Session session) {
		return Stream.of(SessionWriteBack.agentNoteId(session), SessionWriteBack.customerReplyId(session),
				SessionWriteBack.closingNoteId(session));
	}

	/**
	 * @param history the session's history in the order it was recorded
	 * @param unsent the ticket commands still waiting in the outbox
	 */
	static List<TimelineEntry> of(Session session, List<SessionHistoryEntry> history, Set<UUID> unsent) {
		SessionEntries entries = new SessionEntries(session, unsent);
		history.forEach(entries::add);
		return entries.entries;
	}

	private void add(SessionHistoryEntry line) {
		String vendor = this.session.provider().displayName();
		switch (line.kind()) {
			case "created" -> entry(line.occurredAt(), "session.requested",
					"Requested by " + this.session.agentEmail() + " with " + vendor
							+ ("note".equals(line.source()) ? " from a /remote note" : " through the API"),
					TimelineEntry.OK);
			case "parked" -> {
				this.failedAttempts++;
				// waiting while the session still waits for its vendor; the wait is over
				// once it was created (or given up: that failure is an entry of its own)
				entry(line.occurredAt(), "start.parked", "Start parked: " + text(line.detail()),
						(this.session.state() == SessionState.CREATED) ? TimelineEntry.PENDING : TimelineEntry.OK);
			}
			case "invited" -> invited(line, vendor);
			default -> reported(line, vendor);
		}
		if (!this.closed && line.applied() && !line.stateAfter().isLive()) {
			this.closed = true;
			// written when the end was recorded, never before the end it tells (a
			// vendor's clock may run ahead of ours)
			Instant at = line.recordedAt().isAfter(line.occurredAt()) ? line.recordedAt() : line.occurredAt();
			written(at, "note.sent", closingNote(line.stateAfter()), SessionWriteBack.closingNoteId(this.session));
		}
	}

	private void invited(SessionHistoryEntry line, String vendor) {
		entry(line.occurredAt(), "session.created", "Created at " + vendor + ((this.failedAttempts == 0) ? ""
				: " after " + this.failedAttempts + " failed attempt" + ((this.failedAttempts == 1) ? "" : "s")),
				TimelineEntry.OK);
		written(line.recordedAt(), "note.sent", "Technician link sent to the ticket in an internal note",
				SessionWriteBack.agentNoteId(this.session));
		if (this.session.customerUrl() != null) {
			written(line.recordedAt(), "reply.sent", "Join link sent to the customer in a public reply",
					SessionWriteBack.customerReplyId(this.session));
		}
	}

	/** What the vendor, the agent or a job reported: a transition, or nothing changed. */
	private void reported(SessionHistoryEntry line, String vendor) {
		if (!line.applied()) {
			entry(line.occurredAt(), "report.ignored", vendor + " reported " + line.kind() + " (" + line.source()
					+ "): nothing changed, the session is " + line.stateAfter().id(), TimelineEntry.OK);
			return;
		}
		String by = switch (line.source()) {
			case "push" -> " (reported by " + vendor + ")";
			case "poll" -> " (seen when polling " + vendor + ")";
			default -> "";
		};
		switch (line.kind()) {
			case "started" -> entry(line.occurredAt(), "session.started",
					"Started" + ((line.detail() != null) ? " from " + text(line.detail()) : "") + by
							+ ((line.stateAfter() == SessionState.STARTED) ? "" : ", reported after its end"),
					TimelineEntry.OK);
			case "ended" -> entry(line.occurredAt(), "session.ended", "Ended: " + text(line.detail()) + endFacts() + by,
					TimelineEntry.OK);
			case "expired" ->
				entry(line.occurredAt(), "session.expired", "Expired: " + text(line.detail()), TimelineEntry.OK);
			case "failed" ->
				entry(line.occurredAt(), "session.failed", "Failed: " + text(line.detail()) + by, TimelineEntry.FAILED);
			default -> entry(line.occurredAt(), "session." + line.kind(), text(line.detail()) + by, TimelineEntry.OK);
		}
	}

	private String endFacts() {
		Long seconds = this.session.durationSeconds();
		String duration = "";
		if (seconds != null) {
			Duration length = Duration.ofSeconds(seconds);
			duration = ", after " + ((length.toHours() > 0) ? length.toHours() + " h " : "") + length.toMinutesPart()
					+ " min " + length.toSecondsPart() + " s";
		}
		return duration + ((this.session.recordingUrl() != null) ? ", recorded" : "");
	}

	private static String closingNote(SessionState state) {
		return switch (state) {
			case ENDED -> "Session summary written back to the ticket in an internal note";
			case EXPIRED -> "Expiry written back to the ticket in an internal note";
			case FAILED -> "Failure and what to fix written back to the ticket in an internal note";
			case CREATED, INVITED, STARTED -> throw new IllegalStateException(state + " is not final");
		};
	}

	private void written(Instant at, String kind, String summary, UUID commandId) {
		entry(at, kind, summary, this.unsent.contains(commandId) ? TimelineEntry.PENDING : TimelineEntry.OK);
	}

	private void entry(Instant at, String kind, String summary, String outcome) {
		this.entries.add(new TimelineEntry(at, ServiceNames.REMOTE_SESSION, kind, summary, outcome,
				this.session.id().toString()));
	}

	/** A stored or vendor text on one line, cut to a readable length. */
	private static String text(@Nullable String detail) {
		if (detail == null || detail.isBlank()) {
			return "no detail";
		}
		String line = detail.strip().replaceAll("\\s+", " ");
		return (line.length() > MAX_SUMMARY) ? line.substring(0, MAX_SUMMARY - 1) + "…" : line;
	}

}
