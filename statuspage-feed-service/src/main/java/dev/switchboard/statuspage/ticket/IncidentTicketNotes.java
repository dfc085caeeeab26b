package dev.switchboard.statuspage.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.StatusChanged;
import dev.switchboard.contracts.TicketChanged;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketEvent;
import dev.switchboard.contracts.TicketFollowedUp;
import dev.switchboard.statuspage.outbox.OutboxMessage;
import dev.switchboard.statuspage.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incident-aware tickets. A created ticket, or one whose subject or description changed,
 * that names a component an open incident affects (its name or an alias from a
 * subscription to the page) is remembered for that incident, once per incident and
 * ticket; the relay then sends it one internal note about the incident and its current
 * status, and, once the incident is resolved, one note saying so (and, if configured, a
 * tag). The remembered rows are the outbox: a note is marked sent only after the broker
 * confirmed its command, and command ids derive from the incident and the ticket, so a
 * repeat is dropped by crm-bridge-service.
 */
@Service
public class IncidentTicketNotes {

	private static final Logger log = LoggerFactory.getLogger(IncidentTicketNotes.class);

	private static final int BATCH = 100;

	private final IncidentTickets tickets;

	private final OutboxRelay relay;

	private final IncidentNoteProperties properties;

	private final Clock clock;

	IncidentTicketNotes(IncidentTickets tickets, OutboxRelay relay, IncidentNoteProperties properties, Clock clock) {
		this.tickets = tickets;
		this.relay = relay;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how many incidents the ticket was newly remembered for
	 */
	@Transactional
	public int on(TicketEvent event) {
		return switch (event) {
			case TicketChanged changed -> onChanged(changed);
			case NoteAdded ignored -> 0;
			case StatusChanged ignored -> 0;
			case TicketFollowedUp ignored -> 0;
		};
	}

	private int onChanged(TicketChanged changed) {
		if (!this.properties.enabled() || changed.writtenBySwitchboard()) {
			return 0;
		}
		String text = changed.subject() + "\n" + changed.description();
		Instant now = this.clock.instant();
		int remembered = 0;
		for (OpenIncident incident : this.tickets.openIncidents()) {
			Optional<String> named = ComponentMentions.firstIn(text, incident.names());
			if (named.isPresent() && this.tickets.remember(new IncidentTickets.IncidentNote(incident.code(),
					changed.ticketId(), incident.feedId(), noteBody(incident, incident.componentOf(named.get())),
					changed.occurredAt(), changed.correlationId()), now)) {
				remembered++;
				log.info("Ticket {} names {}, affected by open incident {}", changed.ticketId(),
						incident.componentOf(named.get()), incident.code());
			}
		}
		return remembered;
	}

	/**
	 * Publishes the notes not yet confirmed: incident notes first, then the resolved
	 * notes of tickets whose incident note has left.
	 * @return how many notes were published
	 */
	@Transactional
	public int relay() {
		Instant now = this.clock.instant();
		int notes = this.relay.relay(Destinations.TICKETS_COMMANDS, this.tickets.claimUnsentNotes(BATCH),
				(note) -> List
					.of(message(AddInternalNote.of(commandId("incident-note", note.incidentCode(), note.ticketId()),
							note.correlationId(), note.ticketId(), note.causedAt(), note.body()))),
				(note) -> this.tickets.noteSent(note.incidentCode(), note.ticketId(), now));
		int resolutions = this.relay.relay(Destinations.TICKETS_COMMANDS, this.tickets.claimUnsentResolutions(BATCH),
				this::resolutionMessages,
				(incident) -> this.tickets.resolutionSent(incident.incidentCode(), incident.ticketId(), now));
		return notes + resolutions;
	}

	private List<OutboxMessage> resolutionMessages(IncidentTickets.ResolvedIncident incident) {
		List<OutboxMessage> messages = new ArrayList<>();
		messages.add(
				message(AddInternalNote.of(commandId("incident-resolved", incident.incidentCode(), incident.ticketId()),
						incident.correlationId(), incident.ticketId(), incident.resolvedAt(), resolvedBody(incident))));
		String prefix = this.properties.resolvedTagPrefix().strip();
		if (!prefix.isEmpty()) {
			messages.add(message(AddTags.of(commandId("incident-tag", incident.incidentCode(), incident.ticketId()),
					incident.correlationId(), incident.ticketId(), incident.resolvedAt(),
					List.of(tag(prefix + incident.incidentCode())))));
		}
		return messages;
	}

	private static OutboxMessage message(TicketCommand command) {
		return new OutboxMessage(command.commandId(), command.correlationId(), command);
	}

	static UUID commandId(String kind, String incidentCode, String ticketId) {
		return UUID.nameUUIDFromBytes((kind + "|" + incidentCode + "|" + ticketId).getBytes(StandardCharsets.UTF_8));
	}

	/** Helpdesk tags: lower case, no blanks. */
	private static String tag(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_:/.-]+", "_");
	}

	private static String noteBody(OpenIncident incident, String component) {
		return "Open status incident: " + incident.title() + " (" + status(incident.status()) + ", since "
				+ incident.latestAt() + ")" + link(incident.link()) + "\nThis ticket mentions " + component
				+ ", which the incident affects. Switchboard will add a note when it is resolved.";
	}

	private static String resolvedBody(IncidentTickets.ResolvedIncident incident) {
		return "Status incident resolved: " + incident.title() + " (" + status(incident.status()) + ", "
				+ incident.resolvedAt() + ")" + link(incident.link())
				+ "\nThis ticket mentioned a component the incident affected; the customer can be told it is fixed.";
	}

	private static String status(String status) {
		String words = status.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String link(@org.jspecify.annotations.Nullable String link) {
		return (link != null && !link.isBlank()) ? "\n" + link : "";
	}

}
