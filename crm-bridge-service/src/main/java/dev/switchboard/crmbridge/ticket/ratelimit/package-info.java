/**
 * The helpdesk account's request budget as a Bucket4j bucket, shared through PostgreSQL.
 */
@NullMarked
package dev.switchboard.crmbridge.ticket.ratelimit;

import org.jspecify.annotations.NullMarked;
