package dev.switchboard.crmbridge.call;

/** The phone system's API: starts calls. */
public interface Telephony {

	boolean configured();

	/** The number customers are dialled from, E.164. */
	String fromNumber();

	/**
	 * Rings the agent, then connects the customer; callbacks go to the gateway.
	 * @return the new call's sid (the parent leg)
	 * @throws TelephonyException when the phone system refuses or cannot be reached
	 */
	String dial(String agentNumber, String customerNumber);

}
