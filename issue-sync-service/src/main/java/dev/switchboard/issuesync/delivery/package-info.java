/**
 * Deliveries from the issue trackers (GitHub, Jira) as the gateway verified them,
 * recorded once each.
 */
@NullMarked
package dev.switchboard.issuesync.delivery;

import org.jspecify.annotations.NullMarked;
