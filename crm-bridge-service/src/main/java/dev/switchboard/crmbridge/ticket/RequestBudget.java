package dev.switchboard.crmbridge.ticket;

import java.time.Duration;
import java.util.Optional;

/**
 * The helpdesk account's request budget per minute, one for the account whatever the
 * number of instances. Every request to the helpdesk is counted, whoever sends it: the
 * drain waits when the budget is spent, while requests that cannot wait (a caller's
 * lookup, a comment's author) go anyway and leave the drain less.
 */
public interface RequestBudget {

	/**
	 * How long until the budget allows another request; empty when it allows one now.
	 * Takes nothing from the budget.
	 */
	Optional<Duration> exhaustedFor();

	/** Counts one request sent to the helpdesk, even beyond the budget. */
	void spend();

}
