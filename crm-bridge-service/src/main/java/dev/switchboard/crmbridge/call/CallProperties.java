package dev.switchboard.crmbridge.call;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crm-bridge.calls.*}.
 *
 * @param defaultRegion region for numbers without a country code
 * @param multipleMatches {@code most-recent-ticket} or
 * {@code new-ticket-listing-candidates}
 * @param reuseWindow a caller's unsolved ticket updated within it gets the call
 * @param retention call logs older than this are purged with their numbers
 * @param endNoteGrace how long an ended call waits for earlier callbacks still on the way
 * before its note is written anyway
 * @param gatewayUrl the gateway's public URL, where the phone system sends callbacks of
 * the calls Switchboard starts ({@code /webhooks/twilio})
 * @param withheldCallers what an inbound call from an anonymous or withheld number gets
 * @param allowedDestinations ISO 3166 region codes (e.g. {@code US}, {@code GB}) whose
 * ordinary numbers click-to-call and {@code /call} may dial, the agent's and the
 * customer's alike; empty or unset: {@code defaultRegion} only ({@link DialPolicy})
 */
@Validated
@ConfigurationProperties("crm-bridge.calls")
public record CallProperties(@DefaultValue("US") @NotBlank String defaultRegion,
		@DefaultValue("most-recent-ticket") MultipleMatches multipleMatches, @DefaultValue("30m") Duration reuseWindow,
		@DefaultValue("180d") Duration retention, @DefaultValue("10s") Duration endNoteGrace,
		@DefaultValue("http://localhost:8080") @NotNull URI gatewayUrl,
		@DefaultValue("new-ticket") WithheldCallers withheldCallers, @Nullable List<String> allowedDestinations) {

	public CallProperties {
		List<String> listed = (allowedDestinations != null) ? allowedDestinations.stream()
			.map((region) -> region.strip().toUpperCase(Locale.ROOT))
			.filter((region) -> !region.isEmpty())
			.distinct()
			.toList() : List.of();
		// Boot binds an unset list as null; unset, empty and blank all mean the default
		allowedDestinations = listed.isEmpty() ? List.of(defaultRegion) : listed;
	}

	@Override
	public List<String> allowedDestinations() {
		return Objects.requireNonNull(this.allowedDestinations);
	}

	/** What an inbound call from an anonymous or withheld number gets. */
	public enum WithheldCallers {

		/** A new ticket without a requester, carrying the end note. */
		NEW_TICKET,

		/**
		 * Nothing in the helpdesk: the call is kept in the call log ({@code /api/calls})
		 * and announced on {@code calls.events} only.
		 */
		CALL_LOG_ONLY

	}

	/** What to do when several helpdesk users have the caller's number. */
	public enum MultipleMatches {

		/** The user whose unsolved ticket was updated last gets the call. */
		MOST_RECENT_TICKET,

		/** A new ticket whose note lists the candidates. */
		NEW_TICKET_LISTING_CANDIDATES

	}

}
