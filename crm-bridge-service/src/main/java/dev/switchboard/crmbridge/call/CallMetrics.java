package dev.switchboard.crmbridge.call;

import org.jspecify.annotations.Nullable;

/** What the call bridge counts. */
public interface CallMetrics {

	/** A call ended and was noted (outcome = its end status). */
	void ended(String outcome, boolean missed, @Nullable Integer waitSeconds);

	/** Caller lookup outcome: one, several, none, anonymous. */
	void lookup(String outcome);

	/** A call not placed: why ({@link CallRefused#reason()}) and whose number. */
	void refused(String reason, String party);

}
