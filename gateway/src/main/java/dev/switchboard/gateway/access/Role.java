package dev.switchboard.gateway.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an admin key may do, in the admin API and in the console alike. A closed set: a
 * new role (issue 20's {@code agent}: read and start, no replay, no administration) is a
 * new constant, and the exhaustive switch in {@link #may} does not compile until its
 * rules are written.
 */
public enum Role {

	/** Reads everything the admin API and the console show; changes nothing. */
	VIEWER,

	/**
	 * Everything: reads, replays, discards, starts and changes. What every key could do
	 * before roles, and still the role of a key configured without one.
	 */
	OPERATOR;

	public boolean may(Operation operation) {
		return switch (this) {
			case VIEWER -> operation == Operation.READ;
			case OPERATOR -> true;
		};
	}

	/** As configured and shown: {@code viewer}, {@code operator}. */
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
