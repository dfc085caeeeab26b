/**
 * Ticket commands from every service, applied to the helpdesk exactly once, in
 * {@code causedAt} order per ticket, within the helpdesk's rate limits.
 */
@NullMarked
package dev.switchboard.crmbridge.ticket;

import org.jspecify.annotations.NullMarked;
