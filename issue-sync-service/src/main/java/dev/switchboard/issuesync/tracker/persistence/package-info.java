/** JDBC storage of the followed issues and of the trackers' refused credentials. */
@NullMarked
package dev.switchboard.issuesync.tracker.persistence;

import org.jspecify.annotations.NullMarked;
