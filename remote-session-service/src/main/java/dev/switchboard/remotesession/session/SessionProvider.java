package dev.switchboard.remotesession.session;

import java.util.List;

/**
 * A remote-desktop vendor. Implementations map every failure to a {@link VendorException}
 * carrying a {@link VendorFailure}; short waits (5xx, timeouts, a short Retry-After) are
 * retried inside.
 */
public interface SessionProvider {

	ProviderName name();

	/** Whether the vendor is configured (an empty credential switches it off). */
	boolean configured();

	/**
	 * Refuses a request this vendor must not be asked for (e.g. a connection parameter a
	 * caller may not set), before anything is reserved or called.
	 * @throws InvalidFieldException naming the refused field
	 */
	default void check(StartRequest request) {
	}

	CreatedSession create(NewSession session);

	/**
	 * What the vendor can tell about a live session now (connection reports, its state);
	 * empty where the vendor only pushes events.
	 */
	List<SessionActivity> observe(Session session);

	/**
	 * Closes the session (or its invitation code) at the vendor, if the vendor has one.
	 */
	void close(Session session);

}
