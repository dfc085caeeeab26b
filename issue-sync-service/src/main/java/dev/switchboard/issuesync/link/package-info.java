/**
 * Ticket ⇄ issue links: from notes on tickets, the link API and parked link requests;
 * link intents, the report comment on each linked issue, and the commands and events the
 * service sends.
 */
@NullMarked
package dev.switchboard.issuesync.link;

import org.jspecify.annotations.NullMarked;
