/**
 * The service's part of the cross-service timeline ({@code GET /api/timeline}): what
 * issue-sync did about a ticket or an issue, from the history the other features record
 * and their links.
 */
@NullMarked
package dev.switchboard.issuesync.timeline;

import org.jspecify.annotations.NullMarked;
