package dev.switchboard.issuesync.link;

/**
 * A request field this service refuses (the API answers 400 naming it; a message carrying
 * it is dead-lettered). The message names the field and what is wrong, never echoes the
 * refused value.
 */
public class InvalidFieldException extends IllegalArgumentException {

	private final String field;

	private final String problem;

	public InvalidFieldException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
		this.problem = problem;
	}

	/** The field as the caller spelled it, e.g. {@code connection.parameters}. */
	public String field() {
		return this.field;
	}

	/** What is wrong, without the field's name (e.g. {@code names a port}). */
	public String problem() {
		return this.problem;
	}

}
