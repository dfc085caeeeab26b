package dev.switchboard.statuspage.ticket.web;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import dev.switchboard.statuspage.ticket.IncidentTickets;
import dev.switchboard.statuspage.ticket.IncidentTickets.TicketIncident;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/incidents?ticketId=<digits>}: the open incidents the ticket was found
 * to concern (it names an affected component; see "Incident-aware tickets"), most
 * recently changed first, for the helpdesk app's sidebar through the gateway's ticket
 * summary. An empty list for a ticket that concerns none; 400 for an id that is no ticket
 * id.
 */
@RestController
class TicketIncidentEndpoints {

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private final IncidentTickets tickets;

	TicketIncidentEndpoints(IncidentTickets tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/api/incidents")
	ResponseEntity<?> ofTicket(@RequestParam(required = false) @Nullable String ticketId) {
		if (ticketId == null || !TICKET_ID.matcher(ticketId).matches()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"ticketId must be a helpdesk ticket id: 1 to 18 digits.");
			problem.setType(URI.create("urn:switchboard:problem:incidents:bad-ticket-id"));
			problem.setTitle("Not a ticket id");
			problem.setProperty("field", "ticketId");
			return ResponseEntity.badRequest().body(problem);
		}
		List<TicketIncident> open = this.tickets.openOfTicket(ticketId);
		return ResponseEntity.ok(open);
	}

}
