/** Ticket ⇄ issue links: linking, following issue changes, telling tickets and issues. */
@NullMarked
package dev.switchboard.issuesync.link;

import org.jspecify.annotations.NullMarked;
