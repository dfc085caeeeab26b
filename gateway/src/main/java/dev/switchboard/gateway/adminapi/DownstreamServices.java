package dev.switchboard.gateway.adminapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The admin APIs of the four services the gateway fronts, called server-side with the
 * internal token (never an operator's key): the one way the console, the timeline and the
 * ticket summary reach them. Paths are built with {@link #segment} and {@link #query}, so
 * a value never changes the path or adds a parameter (a {@code +} stays a plus, a
 * {@code &} stays in its value).
 */
public interface DownstreamServices {

	/**
	 * Sends one request and returns whatever the service answered.
	 * @param service one of the four services' names ({@code ServiceNames})
	 * @param method the HTTP method
	 * @param pathAndQuery the path below the service's location, with its query
	 * @param jsonBody a JSON body, or null for none
	 * @param timeout how long the whole exchange may take
	 * @throws Unreachable when the service cannot be reached, does not answer within the
	 * timeout, or the wait is interrupted
	 */
	Answer exchange(String service, String method, String pathAndQuery, @Nullable String jsonBody, Duration timeout);

	/** {@code GET} without a body. */
	default Answer get(String service, String pathAndQuery, Duration timeout) {
		return exchange(service, "GET", pathAndQuery, null, timeout);
	}

	/**
	 * A value as one path segment, every reserved character percent-encoded, and a dot
	 * segment ({@code .} or {@code ..}) written so that no client or server resolves it.
	 */
	static String segment(String value) {
		return (value.equals(".") || value.equals("..")) ? value.replace(".", "%2E") : encode(value);
	}

	/**
	 * {@code name=value} with the value percent-encoded, {@code +} and space included.
	 */
	static String query(String name, String value) {
		return encode(name) + "=" + encode(value);
	}

	private static String encode(String value) {
		// URLEncoder writes a space as '+' (form encoding); a query or a path reads '+'
		// as a
		// plus only when it is written %2B and a space as %20
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A service's answer: its status and body as text. */
	record Answer(int status, String body) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/** The service could not be reached or did not answer in time. */
	final class Unreachable extends RuntimeException {

		private final String service;

		private final String why;

		public Unreachable(String service, String why, @Nullable Throwable cause) {
			super(service + " did not answer: " + why, cause, false, false);
			this.service = service;
			this.why = why;
		}

		public String service() {
			return this.service;
		}

		/** What went wrong (never a secret: the client's exception or "interrupted"). */
		public String why() {
			return this.why;
		}

	}

}
