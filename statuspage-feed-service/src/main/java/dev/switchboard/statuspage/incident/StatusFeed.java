package dev.switchboard.statuspage.incident;

import org.jspecify.annotations.Nullable;

/** Reads a feed document by URL, conditionally when validators are known. */
public interface StatusFeed {

	FeedFetch fetch(String url, @Nullable String etag, @Nullable String lastModified);

}
