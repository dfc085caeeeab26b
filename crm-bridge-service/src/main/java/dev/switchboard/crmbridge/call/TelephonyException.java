package dev.switchboard.crmbridge.call;

/** The phone system refused a call or could not be reached. */
public class TelephonyException extends RuntimeException {

	private final boolean refused;

	public TelephonyException(String message, boolean refused) {
		super(message, null, false, false);
		this.refused = refused;
	}

	/** 4xx (the request is wrong), as opposed to unreachable or 5xx. */
	public boolean refused() {
		return this.refused;
	}

}
