package dev.switchboard.statuspage.subscription.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/subscriptions/{id}}: {@code {state: active|paused, components:
 * [..]}}.
 */
record SubscriptionPatch(@Nullable String state, @Nullable List<String> components) {

}
