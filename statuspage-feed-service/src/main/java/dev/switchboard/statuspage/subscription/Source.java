package dev.switchboard.statuspage.subscription;

import org.jspecify.annotations.Nullable;

/** Where a subscription's updates come from. */
public sealed interface Source {

	/** The feed URL polled for this source. */
	String feedUrl();

	/** The Statuspage page id whose webhooks belong to this source, if any. */
	@Nullable String pageId();

	/** Any RSS 2.0 or Atom 1.0 feed. */
	record Feed(String url) implements Source {

		@Override
		public String feedUrl() {
			return this.url;
		}

		@Override
		public @Nullable String pageId() {
			return null;
		}

	}

	/** A Statuspage page: its webhooks are the fast path, its feed the safety net. */
	record Statuspage(String pageId, String feedUrl) implements Source {

	}

}
