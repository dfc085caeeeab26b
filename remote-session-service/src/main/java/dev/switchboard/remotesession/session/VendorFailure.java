package dev.switchboard.remotesession.session;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** How a call to a vendor failed, decided at the adapter boundary. */
public sealed interface VendorFailure {

	ProviderName provider();

	String detail();

	/** The vendor refused the request (a 4xx other than 429): retrying will not help. */
	record Refused(ProviderName provider, int status, String detail) implements VendorFailure {
	}

	/**
	 * The vendor is not answering (5xx, timeout, rate limited): worth trying again later.
	 *
	 * @param retryAfter how long the vendor asked us to wait, if it said
	 */
	record Unavailable(ProviderName provider, String detail, @Nullable Duration retryAfter) implements VendorFailure {
	}

	/** The vendor answered 2xx with something we cannot read. */
	record Unreadable(ProviderName provider, String detail) implements VendorFailure {
	}

}
