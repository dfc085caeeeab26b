/** Jira Cloud REST adapter and Jira webhook reader. */
@NullMarked
package dev.switchboard.issuesync.link.jira;

import org.jspecify.annotations.NullMarked;
