package dev.switchboard.gateway.replay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Which deliveries a replay job publishes again: the delivery log's filter. A job's
 * window always ends ({@code to} is set to the job's start when not given), so a job
 * never chases deliveries that arrive while it runs.
 */
public record ReplayFilter(@Nullable String provider, @Nullable String eventType, @Nullable Outcome outcome,
		@Nullable Instant from, Instant to, @Nullable String containing) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	public ReplayFilter {
		provider = blankToNull(provider);
		eventType = blankToNull(eventType);
		containing = blankToNull(containing);
		if ((provider != null && provider.length() > 50) || (eventType != null && eventType.length() > 200)) {
			throw new IllegalArgumentException("provider is at most 50 characters, event type at most 200");
		}
		// checks the same limits as a search
		new DeliveryQuery(provider, eventType, outcome, from, to, containing, true, 0, 1);
	}

	public static ReplayFilter of(@Nullable String provider, @Nullable String eventType, @Nullable Outcome outcome,
			@Nullable Instant from, @Nullable Instant to, @Nullable String containing, Instant now) {
		return new ReplayFilter(provider, eventType, outcome, from, (to == null || to.isAfter(now)) ? now : to,
				containing);
	}

	/** {@code published} or {@code unconfirmed} (any case), or none. */
	public static @Nullable Outcome outcomeOf(@Nullable String outcome) {
		if (outcome == null || outcome.isBlank()) {
			return null;
		}
		try {
			return Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("outcome is published or unconfirmed");
		}
	}

	DeliveryQuery query(int size) {
		return new DeliveryQuery(this.provider, this.eventType, this.outcome, this.from, this.to, this.containing, true,
				0, size);
	}

	/**
	 * The same for the same filter, whatever the window's end: "one job per filter at a
	 * time" holds while a job runs even though a second request would end its window
	 * later.
	 */
	public String key() {
		String text = String.join("\u0000", String.valueOf(this.provider), String.valueOf(this.eventType),
				(this.outcome != null) ? this.outcome.name() : "null", String.valueOf(this.from),
				String.valueOf(this.containing));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** In words, for pages and logs. */
	public String describe() {
		StringBuilder text = new StringBuilder(
				(this.outcome != null) ? this.outcome.name().toLowerCase(Locale.ROOT) + " deliveries" : "deliveries");
		if (this.provider != null) {
			text.append(" from ").append(this.provider);
		}
		if (this.eventType != null) {
			text.append(", event ").append(this.eventType);
		}
		if (this.containing != null) {
			text.append(", mentioning \u201c").append(this.containing).append('\u201d');
		}
		text.append(
				(this.from != null) ? ", received " + this.from + " to " + this.to : ", received before " + this.to);
		return text.toString();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
