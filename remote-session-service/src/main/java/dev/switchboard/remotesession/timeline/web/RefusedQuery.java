package dev.switchboard.remotesession.timeline.web;

import org.jspecify.annotations.Nullable;

/**
 * A timeline query this service refuses (400). The message says what is wrong, never
 * echoes the refused value.
 */
class RefusedQuery extends RuntimeException {

	private final @Nullable String parameter;

	/**
	 * @param parameter the query parameter at fault, or {@code null} when the query as a
	 * whole is
	 */
	RefusedQuery(@Nullable String parameter, String problem) {
		super((parameter != null) ? parameter + " " + problem : problem);
		this.parameter = parameter;
	}

	@Nullable String parameter() {
		return this.parameter;
	}

}
