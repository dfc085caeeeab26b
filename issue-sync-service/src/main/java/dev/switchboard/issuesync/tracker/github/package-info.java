/** GitHub REST adapter and GitHub webhook reader. */
@NullMarked
package dev.switchboard.issuesync.tracker.github;

import org.jspecify.annotations.NullMarked;
