/**
 * Posting: every update, once, to each subscription's channel (a Slack channel, a Teams
 * Workflows webhook, a customer's webhook endpoint). Called {@code posting}, not
 * {@code delivery}: in the other services a delivery is an inbound webhook. The ledger
 * table ({@code delivery}), the property prefix ({@code statuspage-feed.delivery}) and
 * the metric ({@code switchboard.deliveries}) keep their old names for compatibility.
 */
@NullMarked
package dev.switchboard.statuspage.posting;

import org.jspecify.annotations.NullMarked;
