package dev.switchboard.gateway.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an admin key may do, in the admin API and in the console alike. A closed set: a
 * new role is a new constant, and the exhaustive switches in {@link #may} and
 * {@link #rights} do not compile until its rules are written.
 */
public enum Role {

	/** Reads everything the admin API and the console show; changes nothing. */
	VIEWER,

	/**
	 * The helpdesk app's key: reads a ticket's summary, links and unlinks issues, starts
	 * calls and remote sessions. Nothing else: no other read (the delivery log, the
	 * audit, dead letters), no replay, discard or administration, and no console.
	 */
	AGENT,

	/**
	 * Everything: reads, replays, discards, starts and changes. What every key could do
	 * before roles, and still the role of a key configured without one.
	 */
	OPERATOR;

	public boolean may(Operation operation) {
		return switch (this) {
			case VIEWER ->
				operation == Operation.READ || operation == Operation.TICKET_READ || operation == Operation.SIGN_OUT;
			case AGENT -> operation == Operation.TICKET_READ || operation == Operation.LINK
					|| operation == Operation.START || operation == Operation.SIGN_OUT;
			case OPERATOR -> true;
		};
	}

	/** Whether a key of this role may sign in to the operator console. */
	public boolean opensConsole() {
		return this != AGENT;
	}

	/** What the role may do, for the message that refuses something else. */
	public String rights() {
		return switch (this) {
			case VIEWER -> "it may read";
			case AGENT -> "it may read a ticket's summary, link and unlink issues, and start calls and remote sessions";
			case OPERATOR -> "it may do everything";
		};
	}

	/** As configured and shown: {@code viewer}, {@code agent}, {@code operator}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role a configuration names (any case); a name that is none fails. */
	public static Role named(String name) {
		for (Role role : values()) {
			if (role.label().equals(name.strip().toLowerCase(Locale.ROOT))) {
				return role;
			}
		}
		throw new IllegalArgumentException("'" + name + "' is not a role (" + labels() + ")");
	}

	/** Every role's label, for messages. */
	public static String labels() {
		return Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", "));
	}

}
