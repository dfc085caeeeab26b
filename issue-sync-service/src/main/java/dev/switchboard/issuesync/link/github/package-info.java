/** GitHub REST adapter and GitHub webhook reader. */
@NullMarked
package dev.switchboard.issuesync.link.github;

import org.jspecify.annotations.NullMarked;
