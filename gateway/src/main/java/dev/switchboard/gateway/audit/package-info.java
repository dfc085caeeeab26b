/**
 * The audit: every change made through the admin API or the console, who made it (the
 * key's name and role, never the key), what and on what, when, how it ended (the HTTP
 * status; a refusal of the role or of the form's token included) and the request's
 * correlation id. Kept in the gateway's database, shown newest first at
 * {@code /console/audit} and {@code GET /api/audit}.
 */
@NullMarked
package dev.switchboard.gateway.audit;

import org.jspecify.annotations.NullMarked;
