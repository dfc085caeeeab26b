/**
 * The incident notes of tickets and the open incidents, in PostgreSQL (H2 locally).
 */
@NullMarked
package dev.switchboard.statuspage.ticket.persistence;

import org.jspecify.annotations.NullMarked;
