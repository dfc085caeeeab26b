package dev.switchboard.remotesession.session;

import org.jspecify.annotations.Nullable;

/**
 * What the vendor created: its id of the session and the two links (the customer link
 * only where the vendor has one). The links grant access: never logged.
 */
public record CreatedSession(String providerSessionId, String agentUrl, @Nullable String customerUrl) {

	@Override
	public String toString() {
		return "CreatedSession[providerSessionId=" + this.providerSessionId + ", links=***]";
	}

}
