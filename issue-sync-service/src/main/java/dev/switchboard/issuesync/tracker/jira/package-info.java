/** Jira Cloud REST adapter and Jira webhook reader. */
@NullMarked
package dev.switchboard.issuesync.tracker.jira;

import org.jspecify.annotations.NullMarked;
