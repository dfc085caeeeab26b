package dev.switchboard.issuesync.issuechange;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A merged pull request whose description closes an issue ("Fixes #42").
 *
 * @param pullRequest {@code owner/repo#7}
 */
public record IssueFix(String pullRequest, String title, String url, @Nullable String mergedBy, Instant mergedAt) {

}
