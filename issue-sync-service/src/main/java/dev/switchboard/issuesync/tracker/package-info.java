/**
 * The issue trackers (GitHub, Jira) and the issues followed in them: what an issue is as
 * its tracker last described it, what a tracker's webhook says happened to it, the
 * trackers' APIs and the failures they answer with. Shared by linking, issue changes and
 * reconciliation; depends on none of them.
 */
@NullMarked
package dev.switchboard.issuesync.tracker;

import org.jspecify.annotations.NullMarked;
