package dev.switchboard.contracts;

import java.util.Objects;

/** Checks the records' compact constructors share. */
final class Validation {

	private Validation() {
	}

	static String notBlank(String value, String name) {
		Objects.requireNonNull(value, name + " is required");
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	static <T> T required(T value, String name) {
		return Objects.requireNonNull(value, name + " is required");
	}

	static int schemaVersion(int version) {
		if (version < 1) {
			throw new IllegalArgumentException("schemaVersion must be 1 or more, was " + version);
		}
		return version;
	}

}
