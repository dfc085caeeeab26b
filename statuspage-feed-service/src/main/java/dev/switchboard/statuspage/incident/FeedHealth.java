package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A feed's health as {@code GET /api/feeds} shows it. */
public record FeedHealth(UUID id, String url, @Nullable String pageId, @Nullable Instant lastSuccessAt,
		@Nullable String lastError, @Nullable Instant lastErrorAt, int consecutiveFailures,
		@Nullable Instant lastModified, long updatesSeen, int subscriptions, boolean healthy) {

}
