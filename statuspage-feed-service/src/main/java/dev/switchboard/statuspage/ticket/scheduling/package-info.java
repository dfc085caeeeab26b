/**
 * The tick that relays pending incident notes.
 */
@NullMarked
package dev.switchboard.statuspage.ticket.scheduling;

import org.jspecify.annotations.NullMarked;
