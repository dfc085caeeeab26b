/**
 * The periodic re-read of the linked issues that catches changes whose webhook was lost.
 */
@NullMarked
package dev.switchboard.issuesync.reconciliation;

import org.jspecify.annotations.NullMarked;
