/** tickets.events in; tickets.commands and issues.events out, with publisher confirms. */
@NullMarked
package dev.switchboard.issuesync.link.messaging;

import org.jspecify.annotations.NullMarked;
