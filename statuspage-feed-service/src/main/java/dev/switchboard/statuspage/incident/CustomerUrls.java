package dev.switchboard.statuspage.incident;

import java.util.Optional;

/**
 * Which URLs that customers supply (feeds, Teams and webhook targets) this service may
 * call. Asked when a subscription is created or resumed and again before every call; the
 * HTTP client checks every address it connects to as well (host names resolve only then).
 */
public interface CustomerUrls {

	/**
	 * @return why the URL may not be called ({@code "must use https"},
	 * {@code "is not a public address"}, …), in words safe to show to the caller; empty
	 * if it may
	 */
	Optional<String> refusal(String url, Use use);

	/** What the URL is for. */
	enum Use {

		/** Polled: http or https. */
		FEED,

		/**
		 * Posted to with a secret or a signed URL (Teams, webhooks): https only, unless
		 * {@code statuspage-feed.allow-insecure-targets}.
		 */
		TARGET

	}

}
