/** {@code history_entry}. */
@NullMarked
package dev.switchboard.issuesync.history.persistence;

import org.jspecify.annotations.NullMarked;
