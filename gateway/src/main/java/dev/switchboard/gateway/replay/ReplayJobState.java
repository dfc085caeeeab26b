package dev.switchboard.gateway.replay;

/** Where a replay job stands. */
public enum ReplayJobState {

	/** Started and not done: one batch after another. */
	RUNNING,

	/** Every matching delivery was handled (some may have failed: see the counts). */
	FINISHED,

	/** Stopped by an operator; what was replayed stays replayed. */
	CANCELLED,

	/** Stopped by the gateway: the broker would not confirm (see the last error). */
	FAILED

}
