package dev.switchboard.sandbox.teamviewer;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A TeamViewer session code as the simulated account shows it: what remote-session asked
 * for (its description names the ticket and Switchboard's session id), the two links,
 * whether it is open, and the connection made with it.
 */
public record RemoteSession(String code, String groupName, String description, @Nullable String customerName,
		@Nullable String customerEmail, String supporterLink, String customerLink, Instant createdAt,
		Instant validUntil, String state, @Nullable Instant closedAt, @Nullable Connection connection) {

	private static final Pattern TICKET = Pattern.compile("Ticket (\\d+)");

	private static final Pattern SESSION = Pattern
		.compile("session ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

	/** The ticket the description names ({@code Ticket 1042 (…)}), if any. */
	public @Nullable String ticketId() {
		Matcher matcher = TICKET.matcher(this.description);
		return matcher.find() ? matcher.group(1) : null;
	}

	/** Switchboard's session id the description names, if any. */
	public @Nullable String switchboardSessionId() {
		Matcher matcher = SESSION.matcher(this.description);
		return matcher.find() ? matcher.group(1) : null;
	}

	public boolean live() {
		return this.connection != null && this.connection.endedAt() == null;
	}

	/**
	 * A connection with the code: the supporter, the customer's device, start and end.
	 */
	public record Connection(String supporter, String device, Instant startedAt, @Nullable Instant endedAt) {

		public long seconds() {
			return (this.endedAt != null) ? Duration.between(this.startedAt, this.endedAt).toSeconds() : 0;
		}

	}

}
