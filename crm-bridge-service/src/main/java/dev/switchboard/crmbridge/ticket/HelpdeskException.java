package dev.switchboard.crmbridge.ticket;

/** Carries a {@link HelpdeskFailure} out of a port call. */
public class HelpdeskException extends RuntimeException {

	private final HelpdeskFailure failure;

	public HelpdeskException(HelpdeskFailure failure) {
		super(failure.describe(), null, false, false);
		this.failure = failure;
	}

	public HelpdeskFailure failure() {
		return this.failure;
	}

}
