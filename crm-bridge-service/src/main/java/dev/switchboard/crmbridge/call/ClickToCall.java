package dev.switchboard.crmbridge.call;

import java.time.Clock;
import java.time.Instant;

import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Click-to-call from a ticket: the agent's phone rings first, then the customer (the
 * given number or the requester's) is dialled from {@code crm-bridge.twilio.from-number};
 * the call is logged on that ticket as one outbound call.
 */
@Service
public class ClickToCall {

	private final Telephony telephony;

	private final Helpdesk helpdesk;

	private final PhoneNumbers numbers;

	private final CallLogs logs;

	private final Clock clock;

	public ClickToCall(Telephony telephony, Helpdesk helpdesk, PhoneNumbers numbers, CallLogs logs, Clock clock) {
		this.telephony = telephony;
		this.helpdesk = helpdesk;
		this.numbers = numbers;
		this.logs = logs;
		this.clock = clock;
	}

	/**
	 * @throws IllegalArgumentException when a number is missing or invalid
	 */
	public CallLog start(String ticketId, String agentPhone, @Nullable String customerPhone, String correlationId) {
		if (!this.telephony.configured()) {
			throw new IllegalStateException("the phone system is not configured (crm-bridge.twilio.*)");
		}
		String agent = this.numbers.e164(agentPhone)
			.orElseThrow(() -> new IllegalArgumentException("agentPhone is not a valid phone number"));
		String rawCustomer = (customerPhone != null && !customerPhone.isBlank()) ? customerPhone
				: requesterPhone(ticketId);
		String customer = this.numbers.e164(rawCustomer)
			.orElseThrow(() -> new IllegalArgumentException("customerPhone is not a valid phone number"));
		String callSid = this.telephony.dial(agent, customer);
		Instant now = this.clock.instant();
		CallLog initial = new CallLog(callSid, "outbound-api", "queued", this.telephony.fromNumber(), customer, agent,
				ticketId, now, null, null, null, null, null, -1, 0, false, false, correlationId,
				CallLog.Voicemail.NONE);
		return this.logs.lock(initial).log();
	}

	/**
	 * A {@code /call [number]} internal note: the note's author is the agent; acted on
	 * once per comment.
	 * @return the call, or empty when this comment was acted on already
	 */
	public java.util.Optional<CallLog> fromNote(String commentId, String ticketId, @Nullable String authorPhone,
			@Nullable String customerPhone, String correlationId) {
		if (!this.logs.recordCallRequest(commentId, ticketId, this.clock.instant())) {
			return java.util.Optional.empty();
		}
		if (authorPhone == null || authorPhone.isBlank()) {
			throw new IllegalArgumentException("the note's author has no phone number in the helpdesk");
		}
		return java.util.Optional.of(start(ticketId, authorPhone, customerPhone, correlationId));
	}

	private String requesterPhone(String ticketId) {
		HelpdeskTicket ticket = this.helpdesk.read(ticketId);
		String requester = ticket.requesterId();
		String phone = (requester != null) ? this.helpdesk.user(requester).phone() : null;
		if (phone == null || phone.isBlank()) {
			throw new IllegalArgumentException(
					"customerPhone is missing and the ticket's requester has no phone number");
		}
		return phone;
	}

}
