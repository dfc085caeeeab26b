package dev.switchboard.crmbridge.call;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import dev.switchboard.crmbridge.ticket.PendingCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Click-to-call from a ticket: the agent's phone rings first, then the customer (the
 * given number or the requester's) is dialled from {@code crm-bridge.twilio.from-number};
 * the call is logged on that ticket as one outbound call. Both numbers must pass the
 * {@link DialPolicy} before anything is dialled; a refused {@code /call} note gets an
 * internal note that says why.
 */
@Service
public class ClickToCall {

	private final Telephony telephony;

	private final Helpdesk helpdesk;

	private final DialPolicy policy;

	private final CallLogs logs;

	private final PendingCommands commands;

	private final Clock clock;

	public ClickToCall(Telephony telephony, Helpdesk helpdesk, DialPolicy policy, CallLogs logs,
			PendingCommands commands, Clock clock) {
		this.telephony = telephony;
		this.helpdesk = helpdesk;
		this.policy = policy;
		this.logs = logs;
		this.commands = commands;
		this.clock = clock;
	}

	/**
	 * @throws CallRefused when a number is missing, invalid or not to be dialled
	 * @throws IllegalArgumentException when the ticket id is not a helpdesk id
	 * @throws IllegalStateException when the phone system is not configured
	 */
	public CallLog start(String ticketId, String agentPhone, @Nullable String customerPhone, String correlationId) {
		if (!HelpdeskIds.valid(ticketId)) {
			throw new IllegalArgumentException("ticketId is not a helpdesk ticket id (" + HelpdeskIds.RULE + ")");
		}
		String agent = this.policy.dialable(CallRefused.Party.AGENT, agentPhone);
		boolean given = customerPhone != null && !customerPhone.isBlank();
		String customer = given ? this.policy.dialable(CallRefused.Party.CUSTOMER, customerPhone) : null;
		if (!this.telephony.configured()) {
			throw new IllegalStateException("the phone system is not configured (crm-bridge.twilio.*)");
		}
		if (customer == null) {
			customer = this.policy.dialable(CallRefused.Party.CUSTOMER, requesterPhone(ticketId));
		}
		String callSid = this.telephony.dial(agent, customer);
		Instant now = this.clock.instant();
		CallLog initial = new CallLog(callSid, "outbound-api", "queued", this.telephony.fromNumber(), customer, agent,
				ticketId, now, null, null, null, null, null, -1, 0, false, false, correlationId,
				CallLog.Voicemail.NONE);
		return this.logs.lock(initial).log();
	}

	/**
	 * A {@code /call [number]} internal note: the note's author is the agent; acted on
	 * once per comment. A refused call is answered with an internal note on the ticket
	 * (its command id derived from the comment, so a repeat adds nothing).
	 * @param at when the note was written
	 */
	public NoteCall fromNote(String commentId, String ticketId, Instant at, @Nullable String authorPhone,
			@Nullable String customerPhone, String correlationId) {
		if (!this.logs.recordCallRequest(commentId, ticketId, this.clock.instant())) {
			return new NoteCall.AlreadyActedOn();
		}
		try {
			if (authorPhone == null || authorPhone.isBlank()) {
				throw this.policy.missing(CallRefused.Party.AGENT,
						"the note's author has no phone number in the helpdesk, so there is no agent phone to ring");
			}
			return new NoteCall.Placed(start(ticketId, authorPhone, customerPhone, correlationId));
		}
		catch (CallRefused refused) {
			UUID commandId = UUID.nameUUIDFromBytes(("call-refused:" + commentId).getBytes(StandardCharsets.UTF_8));
			this.commands.addIfAbsent(AddInternalNote.of(commandId, correlationId, ticketId, at,
					"Not dialled: " + refused.getMessage() + "."), this.clock.instant());
			return new NoteCall.Refused(refused.reason());
		}
	}

	private String requesterPhone(String ticketId) {
		HelpdeskTicket ticket = this.helpdesk.read(ticketId);
		String requester = ticket.requesterId();
		String phone = (requester != null) ? this.helpdesk.user(requester).phone() : null;
		if (phone == null || phone.isBlank()) {
			throw this.policy.missing(CallRefused.Party.CUSTOMER,
					"customerPhone is missing and the ticket's requester has no phone number");
		}
		return phone;
	}

}
