package dev.switchboard.crmbridge.ticket.zendesk;

import java.io.IOException;

/**
 * A 5xx: an {@link IOException} so that the {@code zendesk} retry (which retries I/O
 * failures, timeouts included) retries it too.
 */
class ZendeskServerError extends IOException {

	ZendeskServerError(int status) {
		super("HTTP " + status);
	}

}
