/** The open incidents a ticket concerns, in the admin API. */
@NullMarked
package dev.switchboard.statuspage.ticket.web;

import org.jspecify.annotations.NullMarked;
