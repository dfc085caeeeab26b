/**
 * The replay feature in the admin API: {@code /api/replay-jobs} (bulk replay jobs) and
 * {@code POST /api/deliveries/{id}/replay} (one entry of the delivery log).
 */
@NullMarked
package dev.switchboard.gateway.replay.web;

import org.jspecify.annotations.NullMarked;
