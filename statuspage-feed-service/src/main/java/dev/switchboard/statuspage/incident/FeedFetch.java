package dev.switchboard.statuspage.incident;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What fetching a feed gave. */
public sealed interface FeedFetch {

	/** The feed changed (or was read for the first time) and parsed. */
	record Fetched(List<FeedEntry> entries, @Nullable String etag, @Nullable String lastModified) implements FeedFetch {

		public Fetched {
			entries = List.copyOf(entries);
		}

	}

	/** The server answered 304 to the conditional GET. */
	record NotModified() implements FeedFetch {

	}

	/**
	 * Nothing usable: refused address, HTTP error, too large, not a feed, a DOCTYPE.
	 */
	record Failed(String reason) implements FeedFetch {

	}

}
