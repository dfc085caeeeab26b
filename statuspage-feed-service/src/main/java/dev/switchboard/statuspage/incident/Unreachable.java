package dev.switchboard.statuspage.incident;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Why a customer-supplied URL could not be called, in words safe to store and to show
 * (delivery ledger, subscription state, feed health): never an address, a port or an
 * exception's message, so a caller cannot use failures to map the service's network
 * (which ports answer, which names resolve where).
 */
public enum Unreachable {

	/** The address is not public (checked before connecting). */
	REFUSED("refused: not a public address"),

	/** No answer in time. */
	TIMED_OUT("timed out"),

	/** Anything else: unknown host, connection refused or reset, TLS, … */
	UNREACHABLE("unreachable");

	private final String text;

	Unreachable(String text) {
		this.text = text;
	}

	public String text() {
		return this.text;
	}

	/**
	 * The failure's kind, looking through the causes (and suppressed attempts) an HTTP
	 * client wraps it in.
	 */
	public static Unreachable of(IOException failure) {
		if (refused(failure)) {
			return REFUSED;
		}
		return (failure instanceof InterruptedIOException) ? TIMED_OUT : UNREACHABLE;
	}

	private static boolean refused(@Nullable Throwable failure) {
		if (failure == null) {
			return false;
		}
		return failure instanceof RefusedAddressException || refused(failure.getCause())
				|| Arrays.stream(failure.getSuppressed()).anyMatch(Unreachable::refused);
	}

}
