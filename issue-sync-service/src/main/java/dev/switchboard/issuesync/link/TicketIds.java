package dev.switchboard.issuesync.link;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A helpdesk ticket id as it may enter this service: a Zendesk ticket id, 1 to 19 ASCII
 * digits. crm-bridge-service puts it into the path of a Zendesk request (the commands
 * this service sends name it), so nothing else (separators, dot segments,
 * percent-encoding, other scripts' digits) may get that far.
 */
public final class TicketIds {

	private static final Pattern ZENDESK_TICKET_ID = Pattern.compile("[0-9]{1,19}");

	private TicketIds() {
	}

	public static boolean valid(@Nullable String ticketId) {
		return ticketId != null && ZENDESK_TICKET_ID.matcher(ticketId).matches();
	}

	/**
	 * @param field the name the caller knows the value by
	 * @return the ticket id
	 * @throws InvalidFieldException when it is not a ticket id
	 */
	public static String require(String field, @Nullable String ticketId) {
		if (ticketId == null || !valid(ticketId)) {
			throw new InvalidFieldException(field, "must be a Zendesk ticket id: 1 to 19 digits (0-9)");
		}
		return ticketId;
	}

}
