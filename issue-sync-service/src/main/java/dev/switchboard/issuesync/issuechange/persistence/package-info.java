/** JDBC storage of fixes, held close notes and fix-shipped notices. */
@NullMarked
package dev.switchboard.issuesync.issuechange.persistence;

import org.jspecify.annotations.NullMarked;
