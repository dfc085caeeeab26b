/**
 * {@code tickets.events} in, {@code tickets.commands} out (confirmed, mandatory).
 */
@NullMarked
package dev.switchboard.statuspage.ticket.messaging;

import org.jspecify.annotations.NullMarked;
