package dev.switchboard.statuspage.subscription.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code PATCH /api/subscriptions/{id}}: {@code {state: active|paused, components: [..],
 * componentAliases: {component: [alias, ..]}}}.
 */
record SubscriptionPatch(@Nullable String state, @Nullable List<String> components,
		@Nullable Map<String, List<String>> componentAliases) {

}
