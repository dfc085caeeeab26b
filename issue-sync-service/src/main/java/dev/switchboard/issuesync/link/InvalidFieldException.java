package dev.switchboard.issuesync.link;

/**
 * A request field this service refuses (the API answers 400 naming it; a message carrying
 * it is dead-lettered). The message names the field and what is wrong, never echoes the
 * refused value.
 */
public class InvalidFieldException extends IllegalArgumentException {

	private final String field;

	public InvalidFieldException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	/** The field as the caller spelled it, e.g. {@code connection.parameters}. */
	public String field() {
		return this.field;
	}

}
