package dev.switchboard.crmbridge.call;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The recent calls of a ticket's requester, for the helpdesk app's sidebar: the calls
 * logged on the ticket, and every call from or to the requester's phone number (on any of
 * their tickets, or on none), newest first. The requester is read from the helpdesk (the
 * ticket once, the user from the user cache); when the helpdesk cannot say (not
 * configured, unreachable, no requester or no phone) the ticket's own calls are the
 * answer.
 */
@Service
public class RequesterCalls {

	/** At most this many calls are answered. */
	public static final int LIMIT = 20;

	private static final Logger log = LoggerFactory.getLogger(RequesterCalls.class);

	private final CallLogs logs;

	private final Helpdesk helpdesk;

	private final PhoneNumbers numbers;

	public RequesterCalls(CallLogs logs, Helpdesk helpdesk, PhoneNumbers numbers) {
		this.logs = logs;
		this.helpdesk = helpdesk;
		this.numbers = numbers;
	}

	/**
	 * @throws IllegalArgumentException when the id is not a helpdesk ticket id
	 */
	public List<CallLog> of(String ticketId) {
		if (!HelpdeskIds.valid(ticketId)) {
			throw new IllegalArgumentException("ticketId is not a helpdesk ticket id (" + HelpdeskIds.RULE + ")");
		}
		Map<String, CallLog> calls = new LinkedHashMap<>();
		this.logs.byTicket(ticketId).forEach((call) -> calls.put(call.callSid(), call));
		requesterNumber(ticketId).ifPresent((number) -> this.logs.byCustomerNumber(number, LIMIT)
			.forEach((call) -> calls.putIfAbsent(call.callSid(), call)));
		return calls.values()
			.stream()
			.sorted(Comparator.comparing(CallLog::startedAt).reversed())
			.limit(LIMIT)
			.toList();
	}

	private Optional<String> requesterNumber(String ticketId) {
		if (!this.helpdesk.configured()) {
			return Optional.empty();
		}
		try {
			String requester = this.helpdesk.read(ticketId).requesterId();
			if (requester == null) {
				return Optional.empty();
			}
			String phone = this.helpdesk.user(requester).phone();
			return (phone != null) ? this.numbers.e164(phone) : Optional.empty();
		}
		catch (HelpdeskException ex) {
			log.info("The requester of ticket {} could not be read ({}): its own calls only", ticketId,
					ex.getMessage());
			return Optional.empty();
		}
	}

}
