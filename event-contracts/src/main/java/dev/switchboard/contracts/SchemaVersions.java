package dev.switchboard.contracts;

/**
 * The schema version producers write. A consumer reads any version it knows and ignores
 * unknown fields, so producers can add fields without a new version; removing or changing
 * one needs a new one.
 */
public final class SchemaVersions {

	public static final int CURRENT = 1;

	private SchemaVersions() {
	}

}
