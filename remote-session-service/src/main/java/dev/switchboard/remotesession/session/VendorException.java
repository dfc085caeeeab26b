package dev.switchboard.remotesession.session;

/** A vendor call failed; {@link #failure()} says how. */
public class VendorException extends RuntimeException {

	private final VendorFailure failure;

	public VendorException(VendorFailure failure) {
		super(failure.provider().displayName() + ": " + failure.detail());
		this.failure = failure;
	}

	public VendorException(VendorFailure failure, Throwable cause) {
		super(failure.provider().displayName() + ": " + failure.detail(), cause);
		this.failure = failure;
	}

	public VendorFailure failure() {
		return this.failure;
	}

	public boolean isTransient() {
		return this.failure instanceof VendorFailure.Unavailable;
	}

}
