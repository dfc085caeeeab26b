package dev.switchboard.statuspage.incident;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A distinct feed URL, polled once per interval whatever the number of subscriptions.
 *
 * @param pageId the Statuspage page id whose webhooks belong to this feed, if any
 * @param firstPolledAt {@code null} until the first successful fetch (the first-run
 * window applies then)
 */
public record Feed(UUID id, String url, @Nullable String pageId, boolean statuspage, @Nullable Instant firstPolledAt,
		@Nullable String etag, @Nullable String lastModified) {

}
