package dev.switchboard.issuesync.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.issuesync.history.History;
import dev.switchboard.issuesync.history.HistoryEntry;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.SyncMetrics;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket events from the helpdesk: internal notes with issue URLs link them,
 * {@code /unlink <url>} removes a link, a follow-up takes over a closed ticket's links.
 * Each event is applied once (ledger on its own id, in the same transaction as its
 * effects); Switchboard's own notes and public replies are ignored. Ticket ids must be
 * Zendesk ticket ids (digits): the commands sent for them name the ticket in a Zendesk
 * request path.
 */
@Service
public class TicketEventHandling {

	private static final Logger log = LoggerFactory.getLogger(TicketEventHandling.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofMinutes(15);

	private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

	private static final String UNLINK = "/unlink";

	private final HandledEvents handled;

	private final IssueUrls urls;

	private final Linking linking;

	private final ParkedLinks parked;

	private final TicketCommands tickets;

	private final SyncMetrics metrics;

	private final Clock clock;

	private final History history;

	public TicketEventHandling(HandledEvents handled, IssueUrls urls, Linking linking, ParkedLinks parked,
			TicketCommands tickets, SyncMetrics metrics, Clock clock, History history) {
		this.history = history;
		this.handled = handled;
		this.urls = urls;
		this.linking = linking;
		this.parked = parked;
		this.tickets = tickets;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @throws InvalidFieldException for a note or follow-up whose ticket id is not a
	 * Zendesk ticket id: poison, dead-lettered without any effect
	 */
	@Transactional
	public void on(TicketEvent event) {
		switch (event) {
			case NoteAdded note -> TicketIds.require("ticketId", note.ticketId());
			case TicketFollowedUp followUp -> {
				TicketIds.require("ticketId", followUp.ticketId());
				TicketIds.require("followUpTicketId", followUp.followUpTicketId());
			}
			case StatusChanged ignored -> {
				// changes no link and sends nothing
			}
			case TicketChanged ignored -> {
				// a subject or description is not a note: changes no link
			}
		}
		if (!this.handled.firstTime(event.eventId())) {
			log.info("Ticket event {} was handled already", event.eventId());
			return;
		}
		switch (event) {
			case NoteAdded note -> onNote(note);
			case TicketFollowedUp followUp -> this.linking.followUp(followUp.ticketId(), followUp.followUpTicketId());
			case StatusChanged ignored -> {
				// a ticket's own status does not change its links
			}
			case TicketChanged ignored -> {
				// links come from notes only
			}
		}
	}

	private void onNote(NoteAdded note) {
		if (note.publicNote() || note.writtenBySwitchboard()) {
			return;
		}
		String body = note.body().strip();
		boolean unlink = body.toLowerCase(Locale.ROOT).startsWith(UNLINK);
		for (IssueUrls.Mention mention : this.urls.findIn(body)) {
			IssueLocator issue = mention.issue();
			Cause cause = new Cause("note|" + note.eventId() + "|" + issue.tracker().id() + "|" + issue.key(),
					note.correlationId(), note.occurredAt());
			if (unlink) {
				this.linking.unlink(note.ticketId(), issue, cause);
			}
			else {
				linkFromNote(note, mention, cause);
			}
		}
	}

	private void linkFromNote(NoteAdded note, IssueUrls.Mention mention, Cause cause) {
		IssueLocator issue = mention.issue();
		try {
			this.linking.link(note.ticketId(), issue, cause);
		}
		catch (TrackerFailure.RateLimited limited) {
			this.parked.park(new ParkedLinks.ParkedLink(cause.id("parked"), note.ticketId(), mention.url(), cause,
					limited.retryAt(), "rate limited"));
			record(LinkHistory.parked(note.ticketId(), issue, cause, limited, limited.retryAt(), this.clock.instant()));
			log.info("Parked link of ticket {} to {} until {}", note.ticketId(), issue.key(), limited.retryAt());
		}
		catch (TrackerFailure.NotFound | TrackerFailure.Forbidden failure) {
			this.metrics.trackerFailed(issue.tracker(), failure.getClass().getSimpleName());
			this.tickets.send(List.of(AddInternalNote.of(cause.id("could-not-link"), cause.correlationId(),
					note.ticketId(), cause.at(), TicketNotes.couldNotLink(mention.url(), failure.getMessage()))));
			record(LinkHistory.failed(note.ticketId(), issue, cause, failure.getMessage(), this.clock.instant()));
		}
		catch (TrackerFailure.Unavailable | TrackerFailure.Unauthorized failure) {
			// an outage or a credential being renewed passes: the link waits for it
			// (durably, retried with back-off) instead of the note being dead-lettered
			this.metrics.trackerFailed(issue.tracker(), failure.getClass().getSimpleName());
			Instant retryAt = this.clock.instant().plus(FIRST_RETRY);
			this.parked.park(new ParkedLinks.ParkedLink(cause.id("parked"), note.ticketId(), mention.url(), cause,
					retryAt, reason(failure)));
			record(LinkHistory.parked(note.ticketId(), issue, cause, failure, retryAt, this.clock.instant()));
			log.warn("Parked link of ticket {} to {} until {}: {}", note.ticketId(), issue.key(), retryAt,
					failure.getMessage());
		}
	}

	/**
	 * The wait before the next attempt of a link whose tracker still fails: as long as it
	 * has waited so far (doubling), between {@link #FIRST_RETRY} and
	 * {@link #LONGEST_RETRY}.
	 */
	private Duration backOff(ParkedLinks.ParkedLink link, Instant now) {
		Duration waited = Duration.between(link.cause().at(), now);
		if (waited.compareTo(FIRST_RETRY) < 0) {
			return FIRST_RETRY;
		}
		return (waited.compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : waited;
	}

	private static String reason(TrackerFailure failure) {
		String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		return (reason.length() <= 300) ? reason : reason.substring(0, 300);
	}

	private void record(HistoryEntry entry) {
		this.history.record(List.of(entry));
	}

	/** Retries the parked links that are due (the job calls this); returns how many. */
	@Transactional
	public int retryDueParkedLinks(int limit) {
		List<ParkedLinks.ParkedLink> due = this.parked.due(this.clock.instant(), limit);
		due.forEach(this::retryParked);
		return due.size();
	}

	private void retryParked(ParkedLinks.ParkedLink link) {
		IssueLocator issue;
		try {
			issue = this.urls.parse(link.issueUrl()).orElse(null);
		}
		catch (InvalidFieldException ex) {
			issue = null;
		}
		if (issue == null) {
			this.parked.done(link.id());
			return;
		}
		try {
			this.linking.link(link.ticketId(), issue, link.cause());
			this.parked.done(link.id());
		}
		catch (TrackerFailure.RateLimited limited) {
			this.parked.postpone(link.id(), limited.retryAt(), "rate limited");
		}
		catch (TrackerFailure.NotFound | TrackerFailure.Forbidden failure) {
			this.parked.done(link.id());
			this.tickets.send(List
				.of(AddInternalNote.of(link.cause().id("could-not-link"), link.cause().correlationId(), link.ticketId(),
						link.cause().at(), TicketNotes.couldNotLink(issue.key(), failure.getMessage()))));
			record(LinkHistory.failed(link.ticketId(), issue, link.cause(), failure.getMessage(),
					this.clock.instant()));
		}
		catch (TrackerFailure failure) {
			Instant now = this.clock.instant();
			if (Duration.between(link.cause().at(), now).compareTo(GIVE_UP_AFTER) > 0) {
				// a visible end rather than retrying for ever: the agent is told and can
				// paste the link again once the tracker answers
				this.parked.done(link.id());
				this.metrics.trackerFailed(issue.tracker(), "GaveUp");
				this.tickets.send(List.of(AddInternalNote.of(link.cause().id("could-not-link"),
						link.cause().correlationId(), link.ticketId(), link.cause().at(),
						TicketNotes.couldNotLink(issue.key(), issue.tracker().displayName()
								+ " did not answer for a day (" + reason(failure) + "); paste the link again"))));
				record(LinkHistory.failed(link.ticketId(), issue, link.cause(),
						"gave up after a day (" + reason(failure) + ")", now));
				log.error("Gave up the link of ticket {} to {}: {}", link.ticketId(), issue.key(), reason(failure));
				return;
			}
			this.parked.postpone(link.id(), now.plus(backOff(link, now)), reason(failure));
		}
	}

}
