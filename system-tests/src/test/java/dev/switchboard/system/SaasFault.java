package dev.switchboard.system;

/**
 * What a SaaS fake does to the requests it gets while the chaos suite injects a fault.
 */
enum SaasFault {

	/** Answers as the real system does. */
	NONE,

	/** 503 to every request, nothing applied. */
	UNAVAILABLE,

	/** 429 with {@code Retry-After: 2} to every request, nothing applied. */
	RATE_LIMITED,

	/**
	 * Writes are applied, then answered 503 (the outcome is unknown to the caller, as
	 * after a timeout past the remote's commit); reads answer normally.
	 */
	APPLIED_THEN_FAILED

}
