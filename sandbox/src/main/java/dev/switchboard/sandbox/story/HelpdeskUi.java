package dev.switchboard.sandbox.story;

import java.time.Clock;
import java.util.UUID;

import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import dev.switchboard.sandbox.zendesk.ZendeskEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What an agent does in Zendesk's own UI, and the event webhook Zendesk sends about it: a
 * comment on a ticket becomes a signed {@code ticket.comment_added} delivery to the
 * gateway.
 */
@Component
class HelpdeskUi {

	private final Helpdesk helpdesk;

	private final GatewayWebhooks webhooks;

	private final JsonMapper json;

	private final Clock clock;

	HelpdeskUi(Helpdesk helpdesk, GatewayWebhooks webhooks, JsonMapper json, Clock clock) {
		this.helpdesk = helpdesk;
		this.webhooks = webhooks;
		this.json = json;
		this.clock = clock;
	}

	/** An internal note written by the agent, and Zendesk's webhook about it. */
	GatewayWebhooks.Delivery internalNote(long ticketId, User agent, String body) {
		Ticket.Comment comment = this.helpdesk.comment(ticketId, agent.id(), body, false);
		String eventId = UUID.randomUUID().toString();
		Ticket now = this.helpdesk.ticket(ticketId).orElseThrow();
		return this.webhooks.zendesk(eventId, this.json
			.writeValueAsBytes(ZendeskEvents.commentAdded(eventId, now, comment, agent, this.clock.instant())));
	}

}
