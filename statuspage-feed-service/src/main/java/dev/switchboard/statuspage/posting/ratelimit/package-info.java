/**
 * Slack's workspace-wide budgets as Bucket4j buckets, shared through PostgreSQL.
 */
@NullMarked
package dev.switchboard.statuspage.posting.ratelimit;

import org.jspecify.annotations.NullMarked;
