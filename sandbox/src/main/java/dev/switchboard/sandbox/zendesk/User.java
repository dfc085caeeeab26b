package dev.switchboard.sandbox.zendesk;

import org.jspecify.annotations.Nullable;

/**
 * A simulated Zendesk user: {@code role} is end-user, agent or admin; {@code phone} as
 * the profile holds it, in any format.
 */
public record User(long id, String name, @Nullable String email, @Nullable String phone, String role) {

	/** The phone's digits, as Zendesk's search compares them. */
	public String phoneDigits() {
		return (this.phone != null) ? this.phone.replaceAll("[^0-9]", "") : "";
	}

}
