package dev.switchboard.sandbox.story;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The people of the stories: Alice, the agent (one for all stories, with an e-mail
 * address and a phone, as a helpdesk profile has them), and customers, each with a ticket
 * of their own.
 */
@Component
class Cast {

	static final String AGENT_PHONE = "+14155550101";

	private final Helpdesk helpdesk;

	private @Nullable User agent;

	Cast(Helpdesk helpdesk) {
		this.helpdesk = helpdesk;
	}

	synchronized User agent() {
		if (this.agent == null) {
			this.agent = this.helpdesk.addUser("Alice Agent", "alice@example.com", AGENT_PHONE, "agent");
		}
		return this.agent;
	}

	/** A customer with a phone number of their own and an e-mail address. */
	User customer(String name, @Nullable String phone) {
		return this.helpdesk.addUser(name, name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com", phone,
				"end-user");
	}

	/** The customer's ticket, opened with their first message. */
	Ticket ticket(User customer, String subject, String message, String status) {
		return this.helpdesk.open(subject, customer.id(), message, status);
	}

	/** A US number no user has yet, in a range libphonenumber takes as valid. */
	String unusedPhone() {
		while (true) {
			String phone = "+1415555" + ThreadLocalRandom.current().nextInt(2000, 10_000);
			if (this.helpdesk.endUsersByPhone(phone.substring(2)).isEmpty()) {
				return phone;
			}
		}
	}

}
