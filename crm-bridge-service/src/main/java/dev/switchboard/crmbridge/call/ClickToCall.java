package dev.switchboard.crmbridge.call;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.HelpdeskUser;
import dev.switchboard.crmbridge.ticket.PendingCommands;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Click-to-call from a ticket: the agent's phone rings first, then the customer (the
 * given number or the requester's) is dialled from {@code crm-bridge.twilio.from-number};
 * the call is logged on that ticket as one outbound call. Both numbers must pass the
 * {@link DialPolicy} before anything is dialled; a {@code /call} note that is not dialled
 * gets one internal note that says why and what to fix. A number from a cached helpdesk
 * profile that would be refused is read again before refusing.
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
	 * @throws TelephonyException when the phone system did not place the call
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
			customer = requesterNumber(ticketId);
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
	 * once per comment. A call that is not placed (a number missing or refused by the
	 * dial policy, the phone system not configured, refusing or unavailable) is answered
	 * with one internal note on the ticket that says what to fix (its command id derived
	 * from the comment, and recorded with the request, so a repeat adds nothing).
	 * @param author the note's author as looked up (possibly cached): read again when
	 * their cached phone would not be dialled
	 * @param at when the note was written
	 */
	public NoteCall fromNote(String commentId, String ticketId, Instant at, HelpdeskUser author,
			@Nullable String customerPhone, String correlationId) {
		if (!this.logs.recordCallRequest(commentId, ticketId, this.clock.instant())) {
			return new NoteCall.AlreadyActedOn();
		}
		try {
			if (!this.telephony.configured()) {
				tell(commentId, ticketId, at, NotDialledNotes.unconfigured(), correlationId);
				return new NoteCall.NotPlaced("not-configured");
			}
			String agent = number(CallRefused.Party.AGENT, author,
					"the note's author has no phone number in the helpdesk, so there is no agent phone to ring");
			return new NoteCall.Placed(start(ticketId, agent, customerPhone, correlationId));
		}
		catch (CallRefused refused) {
			tell(commentId, ticketId, at, NotDialledNotes.refused(refused, customerPhone != null), correlationId);
			return new NoteCall.Refused(refused.reason());
		}
		catch (TelephonyException failed) {
			tell(commentId, ticketId, at, NotDialledNotes.telephony(failed), correlationId);
			return new NoteCall.NotPlaced(failed.outcome().name().toLowerCase(Locale.ROOT));
		}
	}

	private void tell(String commentId, String ticketId, Instant at, String note, String correlationId) {
		UUID commandId = CallNoteIds.notDialled(commentId);
		this.commands.addIfAbsent(AddInternalNote.of(commandId, correlationId, ticketId, at, note),
				this.clock.instant(), ServiceNames.CRM_BRIDGE);
	}

	private String requesterNumber(String ticketId) {
		String requester = this.helpdesk.read(ticketId).requesterId();
		if (requester == null) {
			throw this.policy.missing(CallRefused.Party.CUSTOMER,
					"no customer number was given and the ticket has no requester");
		}
		return number(CallRefused.Party.CUSTOMER, this.helpdesk.user(requester),
				"no customer number was given and the ticket's requester has no phone number in the helpdesk");
	}

	/**
	 * The user's number if the dial policy takes it. A cached profile whose number would
	 * be refused (none, invalid, not allowed) is read again first: the number may have
	 * been added or corrected since it was cached.
	 */
	private String number(CallRefused.Party party, HelpdeskUser user, String missing) {
		HelpdeskUser current = (this.policy.accepts(user.phone()) || !HelpdeskIds.valid(user.id())) ? user
				: this.helpdesk.freshUser(user.id());
		String phone = current.phone();
		if (phone == null || phone.isBlank()) {
			throw this.policy.missing(party, missing);
		}
		return this.policy.dialable(party, phone);
	}

}
