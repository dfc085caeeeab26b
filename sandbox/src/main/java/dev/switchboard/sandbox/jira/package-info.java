/**
 * A simulated Jira Cloud site: issues with a numeric id that never changes and a key that
 * changes when the issue moves to another project, REST v3 as issue-sync calls it, and
 * signed {@code jira:issue_updated} webhooks.
 */
@NullMarked
package dev.switchboard.sandbox.jira;

import org.jspecify.annotations.NullMarked;
