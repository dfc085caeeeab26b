/**
 * The tick that relays pending incident notes.
 */
@NullMarked
package dev.switchboard.statuspage.ticket.schedule;

import org.jspecify.annotations.NullMarked;
