package dev.switchboard.crmbridge.helpdeskevent;

/** Reads the helpdesk's event webhook body. */
public interface HelpdeskEventFormat {

	/**
	 * @throws IllegalArgumentException when the body is not a readable event
	 */
	HelpdeskActivity read(byte[] body);

}
