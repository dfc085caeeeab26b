package dev.switchboard.crmbridge.call;

/**
 * The internal note an agent reads when their {@code /call} note was not dialled: what
 * happened, then what to fix.
 */
final class NotDialledNotes {

	private NotDialledNotes() {
	}

	/**
	 * @param numberGiven whether the customer's number followed {@code /call} (else it
	 * was the requester's)
	 */
	static String refused(CallRefused refused, boolean numberGiven) {
		return "Not dialled: " + refused.getMessage() + ". " + remedy(refused, numberGiven);
	}

	static String telephony(TelephonyException failed) {
		return switch (failed.outcome()) {
			case REFUSED -> "Not dialled: the phone system refused the call (" + failed.getMessage()
					+ "). Ask an administrator to check Switchboard's Twilio settings (crm-bridge.twilio.*).";
			case UNAVAILABLE -> "Not dialled: the phone system is unavailable (" + failed.getMessage()
					+ "). Nobody was called; write /call again in a few minutes.";
			case UNCERTAIN -> "Perhaps not dialled: the phone system did not confirm the call (" + failed.getMessage()
					+ "). If your phone does not ring within a minute, write /call again.";
		};
	}

	static String unconfigured() {
		return "Not dialled: click-to-call is not set up (the phone system's settings crm-bridge.twilio.* are "
				+ "missing). Ask an administrator to configure Twilio.";
	}

	private static String remedy(CallRefused refused, boolean numberGiven) {
		boolean agent = refused.party() == CallRefused.Party.AGENT;
		return switch (refused.reason()) {
			case "missing" -> agent ? "Add your phone number to your helpdesk profile, then write /call again."
					: "Add a phone number to the requester's profile, or write /call followed by the number to dial.";
			case "invalid" -> agent
					? "Correct the phone number on your helpdesk profile (with + and the country code), then write "
							+ "/call again."
					: numberGiven
							? "Write /call followed by the number with + and its country code, e.g. /call +1 212 "
									+ "555 0100."
							: "Correct the requester's phone number in the helpdesk, or write /call followed by the "
									+ "number to dial.";
			case "region" -> "Dial it yourself, or ask an administrator to allow that region.";
			default -> agent ? "Put an ordinary phone number on your helpdesk profile, then write /call again."
					: "Check the number; Switchboard does not dial such numbers.";
		};
	}

}
