package dev.switchboard.sandbox.story;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.admin.GatewayAdmin;
import dev.switchboard.sandbox.twilio.Call;
import dev.switchboard.sandbox.twilio.CallSimulator;
import dev.switchboard.sandbox.twilio.PhoneSystem;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Story 3: a customer with an open ticket calls the support line, the call is answered
 * and ends (Twilio's signed status callbacks to the gateway): her ticket gets one call
 * log; a missed call from a number nobody has creates a ticket; the agent clicks to call
 * the customer back ({@code POST /api/calls} through the gateway): the simulated Twilio
 * rings the agent, dials the customer and reports both legs and the recording. Its steps
 * do each of the three.
 */
@Component
class PhoneCallsStory implements Story {

	private final CallSimulator calls;

	private final PhoneSystem phones;

	private final GatewayAdmin admin;

	private final Helpdesk helpdesk;

	private final Cast cast;

	private final Written written;

	private @Nullable Caller latest;

	PhoneCallsStory(CallSimulator calls, PhoneSystem phones, GatewayAdmin admin, Helpdesk helpdesk, Cast cast,
			Written written) {
		this.calls = calls;
		this.phones = phones;
		this.admin = admin;
		this.helpdesk = helpdesk;
		this.cast = cast;
		this.written = written;
	}

	@Override
	public String name() {
		return "phone-calls";
	}

	@Override
	public String title() {
		return "3. Phone calls";
	}

	@Override
	public List<Step> steps() {
		return List.of(new Step("place-call", "A customer calls", (tell) -> customerCalls(caller(), tell)),
				new Step("missed-call", "A missed call", this::missedCall),
				new Step("call-back", "Call the customer back", (tell) -> callBack(caller(), tell)));
	}

	@Override
	public boolean play(Consumer<String> tell) {
		tell.accept("Story 3: calls end up as one call log on the right ticket");
		Caller fay = newCaller();
		tell.accept("  Zendesk: " + fay.customer().name() + " (" + fay.customer().phone() + ") has ticket #"
				+ fay.ticket().id() + " \"" + fay.ticket().subject() + "\", " + fay.ticket().status());
		Call answered = customerCalls(fay, tell);
		if (!logged(tell, fay.ticket().id(), answered.sid())) {
			return failed(tell, "ticket #" + fay.ticket().id() + " got no log of call " + answered.sid());
		}
		Call missed = missedCall(tell);
		if (!Await.until(() -> ticketOf(missed.sid()).isPresent())) {
			return failed(tell, "no ticket got the log of the missed call " + missed.sid());
		}
		Ticket created = ticketOf(missed.sid()).orElseThrow();
		tell.accept("   Zendesk saw a new ticket #" + created.id() + " \"" + created.subject() + "\" with the note: "
				+ Await.firstLine(created.comments().getFirst().body()));
		Optional<String> back = callBack(fay, tell);
		if (back.isEmpty()) {
			return failed(tell, "the admin API did not place the call");
		}
		if (!logged(tell, fay.ticket().id(), back.get())) {
			return failed(tell, "ticket #" + fay.ticket().id() + " got no log of the call back " + back.get());
		}
		if (this.written.notes(fay.ticket().id(), "Call: " + answered.sid()).size() != 1) {
			return failed(tell, "ticket #" + fay.ticket().id() + " has more than one log of call " + answered.sid());
		}
		tell.accept("Story 3 complete: one call log per call on " + fay.customer().name()
				+ "'s ticket, a new ticket for the missed call.");
		return true;
	}

	private Call customerCalls(Caller caller, Consumer<String> tell) {
		Call call = this.calls.inbound(String.valueOf(caller.customer().phone()), true);
		tell.accept("1. " + caller.customer().name() + " calls the support line " + PhoneSystem.SUPPORT_NUMBER + " ("
				+ call.sid() + "); it rings, is answered and ends: Twilio sends signed status callbacks");
		return call;
	}

	private Call missedCall(Consumer<String> tell) {
		String number = this.cast.unusedPhone();
		Call call = this.calls.inbound(number, false);
		tell.accept("2. " + number + ", a number no customer has, calls and nobody answers (" + call.sid() + ")");
		return call;
	}

	/** The agent clicks to call the ticket's requester back; the call's sid. */
	private Optional<String> callBack(Caller caller, Consumer<String> tell) {
		User agent = this.cast.agent();
		GatewayAdmin.Answer answer = this.admin.clickToCall(caller.ticket().id(), String.valueOf(agent.phone()));
		String sid = answer.json().path("callSid").asString("");
		tell.accept("3. " + agent.name() + " clicks \"call back\" on ticket #" + caller.ticket().id()
				+ ": POST /api/calls answered " + answer.status() + (sid.isEmpty() ? " " + answer.body() : " (" + sid
						+ "); Twilio rings " + agent.phone() + ", then dials " + caller.customer().phone()));
		return sid.isEmpty() ? Optional.empty() : Optional.of(sid);
	}

	private boolean logged(Consumer<String> tell, long ticketId, String callSid) {
		if (!Await.until(() -> this.phones.call(callSid).map(Call::ended).orElse(false))
				|| !Await.until(() -> !this.written.notes(ticketId, "Call: " + callSid).isEmpty())) {
			return false;
		}
		tell.accept("   Zendesk saw on #" + ticketId + ": "
				+ this.written.notes(ticketId, "Call: " + callSid).getFirst().replace('\n', ' '));
		return true;
	}

	private Optional<Ticket> ticketOf(String callSid) {
		return this.helpdesk.tickets()
			.stream()
			.filter((ticket) -> ticket.comments().stream().anyMatch((c) -> c.body().contains("Call: " + callSid)))
			.findFirst();
	}

	private synchronized Caller caller() {
		return (this.latest != null) ? this.latest : newCaller();
	}

	private synchronized Caller newCaller() {
		User fay = this.cast.customer("Fay Customer", this.cast.unusedPhone());
		this.latest = new Caller(fay, this.cast.ticket(fay, "My router reboots every hour",
				"My router reboots every hour since the firmware update. Please call me.", "open"));
		return this.latest;
	}

	private static boolean failed(Consumer<String> tell, String why) {
		tell.accept("Story 3 FAILED: " + why + " (the services' logs are under .switchboard/)");
		return false;
	}

	/** A customer and their open ticket. */
	private record Caller(User customer, Ticket ticket) {
	}

}
