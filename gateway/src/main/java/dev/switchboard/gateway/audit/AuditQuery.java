package dev.switchboard.gateway.audit;

import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to show, newest first: one key's ({@code actor}, exact), actions
 * starting with {@code action} ({@code dead-letter} finds replays and discards), a page.
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, int page, int size) {

	public static final int LARGEST_PAGE = 200;

	public AuditQuery {
		actor = blankToNull(actor);
		action = blankToNull(action);
		if (page < 0 || size < 1 || size > LARGEST_PAGE) {
			throw new IllegalArgumentException("page is 0 or more, size 1 to " + LARGEST_PAGE);
		}
		if ((actor != null && actor.length() > 200) || (action != null && action.length() > 300)) {
			throw new IllegalArgumentException("actor is at most 200 characters, action at most 300");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
