/**
 * Bulk replay as a job: every delivery of the log that matches a filter (a time window of
 * unconfirmed ones, a provider, a value) published again, oldest first, with an estimate
 * before it starts, progress, a result and Cancel; at most one job per filter at a time;
 * jobs are stored, so every gateway instance shows them and one of them runs them.
 */
@NullMarked
package dev.switchboard.gateway.replay;

import org.jspecify.annotations.NullMarked;
