package dev.switchboard.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Correlation ids: taken from the caller when it sends a sane one, otherwise made here.
 * The id goes into every log line ({@code correlationId} in the MDC) and every message a
 * request causes.
 */
public final class CorrelationIds {

	/** The MDC key and log pattern variable. */
	public static final String MDC_KEY = "correlationId";

	/** The request and response header. */
	public static final String HEADER = "X-Correlation-Id";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

	private CorrelationIds() {
	}

	public static String acceptOrCreate(@Nullable String offered) {
		return (offered != null && SANE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

}
