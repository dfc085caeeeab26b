/** JDBC storage of links, followed issues, the event ledger and parked work. */
@NullMarked
package dev.switchboard.issuesync.link.persistence;

import org.jspecify.annotations.NullMarked;
