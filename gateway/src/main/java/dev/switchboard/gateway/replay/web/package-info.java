/**
 * {@code /api/replay-jobs}: the replay jobs in the admin API.
 */
@NullMarked
package dev.switchboard.gateway.replay.web;

import org.jspecify.annotations.NullMarked;
