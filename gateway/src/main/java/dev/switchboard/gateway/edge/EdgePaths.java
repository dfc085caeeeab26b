package dev.switchboard.gateway.edge;

import java.util.Optional;

/**
 * One spelling per path, and one decision per path. The routers (Spring MVC, Spring Cloud
 * Gateway) match a decoded, normalised path while a filter sees the raw request URI: any
 * spelling where the two differ ({@code /%61pi/links}, {@code /api;x/links},
 * {@code /x/../api/links}, {@code //api/links}) is refused before either decides, so
 * authentication and routing always look at the same path. Access is then denied by
 * default: only the webhook paths and the two probes are public, {@code /internal/**}
 * needs the internal token, {@code /console/**} a console session (made from an admin
 * key), everything else an admin key, whatever routes exist.
 */
public final class EdgePaths {

	/** Who may call a path. */
	public enum Access {

		/**
		 * Webhooks (they carry their own signatures) and the liveness/readiness probes.
		 */
		PUBLIC,

		/** Service to service: the internal token. */
		INTERNAL,

		/**
		 * The operator console ({@code /console} and below): a console session made from
		 * an admin key, never the key itself on each request.
		 */
		CONSOLE,

		/** Everything else: an admin API key. */
		ADMIN

	}

	private static final int LONGEST_PATH = 2048;

	private EdgePaths() {
	}

	/**
	 * Why a raw request path (as sent, before any decoding) is not in its one canonical
	 * spelling; empty when it is. Canonical: starts with {@code /}, only
	 * {@code A-Z a-z 0-9 - . _ ~} and single slashes, no dot segments, no trailing slash.
	 */
	public static Optional<String> nonCanonical(String rawPath) {
		if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
			return Optional.of("the path must start with /");
		}
		if (rawPath.length() > LONGEST_PATH) {
			return Optional.of("the path is longer than " + LONGEST_PATH + " characters");
		}
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c == '%') {
				return Optional.of("percent-encoded characters are not accepted in the path");
			}
			if (c == ';') {
				return Optional.of("path parameters (;) are not accepted");
			}
			if (!allowed(c)) {
				return Optional.of("the path may hold only letters, digits, '-', '.', '_', '~' and '/'");
			}
		}
		if (rawPath.contains("//")) {
			return Optional.of("doubled slashes are not accepted in the path");
		}
		for (String segment : rawPath.substring(1).split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return Optional.of("dot segments (. and ..) are not accepted in the path");
			}
		}
		if (rawPath.length() > 1 && rawPath.endsWith("/")) {
			return Optional.of("a trailing slash is not accepted in the path");
		}
		return Optional.empty();
	}

	/**
	 * The credential a raw request path needs; a path that is not canonical needs the
	 * strongest (it is refused before that anyway).
	 */
	public static Access accessOf(String rawPath) {
		if (nonCanonical(rawPath).isPresent()) {
			return Access.ADMIN;
		}
		if (rawPath.startsWith("/webhooks/") || rawPath.equals("/livez") || rawPath.equals("/readyz")) {
			return Access.PUBLIC;
		}
		if (rawPath.startsWith("/internal/")) {
			return Access.INTERNAL;
		}
		if (rawPath.equals("/console") || rawPath.startsWith("/console/")) {
			return Access.CONSOLE;
		}
		return Access.ADMIN;
	}

	private static boolean allowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '/';
	}

}
