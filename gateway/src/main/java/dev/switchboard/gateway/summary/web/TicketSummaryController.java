package dev.switchboard.gateway.summary.web;

import java.net.URI;

import dev.switchboard.gateway.summary.TicketSummaries;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/{id}/summary}: what the helpdesk app's sidebar shows for a
 * ticket (its linked issues, the requester's calls, its remote sessions, an open status
 * incident), with the services whose part is missing; 400 as a problem detail for an id
 * that is no ticket id.
 */
@RestController
class TicketSummaryController {

	private final TicketSummaries summaries;

	TicketSummaryController(TicketSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/tickets/{ticketId}/summary")
	ResponseEntity<?> summary(@PathVariable String ticketId) {
		try {
			return ResponseEntity.ok(this.summaries.of(ticketId));
		}
		catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setType(URI.create("urn:switchboard:problem:tickets:bad-ticket-id"));
			problem.setTitle("Not a ticket id");
			problem.setProperty("field", "ticketId");
			return ResponseEntity.badRequest().body(problem);
		}
	}

}
