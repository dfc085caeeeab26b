package dev.switchboard.sandbox.story;

import java.util.List;

import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;

import org.springframework.stereotype.Component;

/**
 * What Switchboard wrote on a ticket of the simulated Zendesk (its API user's comments):
 * the stories look here for Switchboard's reactions.
 */
@Component
class Written {

	private final Helpdesk helpdesk;

	Written(Helpdesk helpdesk) {
		this.helpdesk = helpdesk;
	}

	/** Switchboard's internal notes on the ticket that contain the text. */
	List<String> notes(long ticketId, String text) {
		return comments(ticketId, text, false);
	}

	/** Switchboard's public replies on the ticket that contain the text. */
	List<String> replies(long ticketId, String text) {
		return comments(ticketId, text, true);
	}

	private List<String> comments(long ticketId, String text, boolean publicComment) {
		return this.helpdesk.ticket(ticketId)
			.map(Ticket::comments)
			.orElse(List.of())
			.stream()
			.filter((comment) -> comment.authorId() == Helpdesk.API_USER && comment.publicComment() == publicComment)
			.map(Ticket.Comment::body)
			.filter((body) -> body.contains(text))
			.toList();
	}

}
