/**
 * Applying tracker changes to the linked tickets: state changes (per issue in order, a
 * close note held for its fix), comments, transfers, merged fixes and released fixes.
 */
@NullMarked
package dev.switchboard.issuesync.issuechange;

import org.jspecify.annotations.NullMarked;
