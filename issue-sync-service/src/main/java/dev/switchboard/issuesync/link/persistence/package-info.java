/** JDBC storage of links, link intents, the ticket-event ledger and parked links. */
@NullMarked
package dev.switchboard.issuesync.link.persistence;

import org.jspecify.annotations.NullMarked;
