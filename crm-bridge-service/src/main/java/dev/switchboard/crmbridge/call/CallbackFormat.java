package dev.switchboard.crmbridge.call;

import java.time.Instant;

/** Reads a phone-system callback from its raw body. */
public interface CallbackFormat {

	/**
	 * @throws IllegalArgumentException when the body is not a readable callback
	 */
	CallCallback read(byte[] body, Instant receivedAt);

}
