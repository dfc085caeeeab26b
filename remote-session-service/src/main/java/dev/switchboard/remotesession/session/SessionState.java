package dev.switchboard.remotesession.session;

import java.util.Locale;
import java.util.Set;

/**
 * Where a session is. Transitions only move forward; the three last states are final.
 */
public enum SessionState {

	/** Reserved here, not yet (or not successfully) created at the vendor. */
	CREATED,

	/** Created at the vendor, invitations sent, nobody joined yet. */
	INVITED,

	/** Someone joined. */
	STARTED,

	ENDED,

	/** Nobody joined before the invitation expired. */
	EXPIRED,

	FAILED;

	public boolean isLive() {
		return this == CREATED || this == INVITED || this == STARTED;
	}

	public boolean canMoveTo(SessionState next) {
		return allowedNext().contains(next);
	}

	private Set<SessionState> allowedNext() {
		return switch (this) {
			case CREATED -> Set.of(INVITED, FAILED, EXPIRED);
			case INVITED -> Set.of(STARTED, ENDED, FAILED, EXPIRED);
			case STARTED -> Set.of(ENDED, FAILED);
			case ENDED, EXPIRED, FAILED -> Set.of();
		};
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
