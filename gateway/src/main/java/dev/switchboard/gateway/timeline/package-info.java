/**
 * The timeline of a ticket, an issue, a call, a session or an incident across the five
 * services: the gateway's deliveries and each service's {@code GET /api/timeline},
 * merged.
 */
@NullMarked
package dev.switchboard.gateway.timeline;

import org.jspecify.annotations.NullMarked;
