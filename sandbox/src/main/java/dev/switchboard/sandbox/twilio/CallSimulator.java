package dev.switchboard.sandbox.twilio;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Plays calls as Twilio would, each on a virtual thread: the legs move through their
 * statuses a beat apart, and every status the call asked for is sent as a signed callback
 * (sequence numbers per leg, from 0); a recorded {@code <Dial>} sends its recording
 * callback after the end. Calls to the support line report to the gateway's Twilio URL,
 * as a number configured with it would.
 */
@Component
public class CallSimulator {

	private static final Logger log = LoggerFactory.getLogger(CallSimulator.class);

	private static final Set<String> SUPPORT_LINE_EVENTS = Set.of("ringing", "answered", "completed");

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final PhoneSystem phones;

	private final GatewayWebhooks webhooks;

	private final SandboxProperties properties;

	private final Clock clock;

	private final Duration beat;

	CallSimulator(PhoneSystem phones, GatewayWebhooks webhooks, SandboxProperties properties, Clock clock) {
		this.phones = phones;
		this.webhooks = webhooks;
		this.properties = properties;
		this.clock = clock;
		this.beat = properties.callBeat();
	}

	/** A caller rings the support line; answered or not, the call ends by itself. */
	public Call inbound(String from, boolean answered) {
		Call call = this.phones.create(null, "inbound", from, PhoneSystem.SUPPORT_NUMBER);
		Leg leg = new Leg(call.sid(), this.webhooks.twilioCallbackUrl(), SUPPORT_LINE_EVENTS);
		Thread.ofVirtual().name("call-" + call.sid()).start(() -> play(call.sid(), () -> {
			status(leg, "ringing");
			if (!answered) {
				pause(3);
				status(leg, "no-answer");
				return;
			}
			pause(2);
			status(leg, "in-progress");
			pause(5);
			status(leg, "completed");
		}));
		return call;
	}

	/**
	 * {@code POST Calls.json}: the callee answers, then the TwiML's {@code <Dial>} rings
	 * the number it names, that leg is answered, both hang up a few beats later.
	 */
	public Call outbound(String from, String to, @Nullable URI statusCallback, Set<String> events, Twiml twiml) {
		Call call = this.phones.create(null, "outbound-api", from, to);
		Leg parent = new Leg(call.sid(), statusCallback, events);
		Thread.ofVirtual().name("call-" + call.sid()).start(() -> play(call.sid(), () -> {
			status(parent, "initiated");
			pause(1);
			status(parent, "ringing");
			pause(2);
			status(parent, "in-progress");
			if (twiml.number() != null) {
				dial(call.sid(), (twiml.callerId() != null) ? twiml.callerId() : from, twiml);
			}
			status(parent, "completed");
			if (twiml.record() && twiml.number() != null) {
				recording(call.sid(), (twiml.recordingCallback() != null) ? twiml.recordingCallback() : statusCallback);
			}
		}));
		return call;
	}

	private void dial(String parentSid, String callerId, Twiml twiml) {
		Call child = this.phones.create(parentSid, "outbound-dial", callerId, String.valueOf(twiml.number()));
		Leg leg = new Leg(child.sid(), twiml.numberCallback(), twiml.numberEvents());
		status(leg, "initiated");
		pause(1);
		status(leg, "ringing");
		pause(2);
		status(leg, "in-progress");
		pause(4);
		status(leg, "completed");
	}

	private void status(Leg leg, String status) {
		Call call = this.phones.status(leg.sid, status);
		String event = switch (status) {
			case "in-progress" -> "answered";
			case "queued", "initiated", "ringing" -> status;
			default -> "completed";
		};
		if (leg.callback == null || !(leg.events.contains(event) || event.equals("completed"))) {
			return;
		}
		int sequence = leg.sequence++;
		List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("AccountSid", account()),
				Map.entry("ApiVersion", "2010-04-01"), Map.entry("CallSid", call.sid()),
				Map.entry("CallStatus", status), Map.entry("Called", call.to()), Map.entry("Caller", call.from()),
				Map.entry("Direction", call.direction()), Map.entry("From", call.from()), Map.entry("To", call.to()),
				Map.entry("Timestamp", RFC_1123.format(this.clock.instant())),
				Map.entry("SequenceNumber", Integer.toString(sequence)),
				Map.entry("CallbackSource", "call-progress-events")));
		if (call.parentSid() != null) {
			form.add(Map.entry("ParentCallSid", call.parentSid()));
		}
		if (call.ended() && call.durationSeconds() != null) {
			form.add(Map.entry("CallDuration", Integer.toString(call.durationSeconds())));
			form.add(Map.entry("Duration", Integer.toString((call.durationSeconds() + 59) / 60)));
		}
		this.phones.callback(call.sid(), status, sequence, this.webhooks.twilio(leg.callback, form).status());
	}

	private void recording(String callSid, @Nullable URI callback) {
		String recordingSid = this.phones.sid("RE");
		String url = this.properties.link("/2010-04-01/Accounts/" + account() + "/Recordings/" + recordingSid);
		this.phones.recording(callSid, url);
		if (callback == null) {
			return;
		}
		Call call = this.phones.call(callSid).orElseThrow();
		List<Map.Entry<String, String>> form = List.of(Map.entry("AccountSid", account()),
				Map.entry("CallSid", callSid), Map.entry("RecordingSid", recordingSid), Map.entry("RecordingUrl", url),
				Map.entry("RecordingStatus", "completed"),
				Map.entry("RecordingDuration", String.valueOf(call.durationSeconds())),
				Map.entry("RecordingChannels", "1"), Map.entry("RecordingSource", "DialVerb"),
				Map.entry("RecordingStartTime",
						RFC_1123.format((call.answeredAt() != null) ? call.answeredAt() : call.createdAt())));
		this.phones.callback(callSid, "recording", null, this.webhooks.twilio(callback, form).status());
	}

	private String account() {
		return this.properties.twilioAccountSid();
	}

	private void pause(int beats) {
		try {
			Thread.sleep(this.beat.multipliedBy(beats));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("call interrupted", ex);
		}
	}

	private static void play(String sid, Runnable script) {
		try {
			script.run();
		}
		catch (RuntimeException ex) {
			log.warn("Call {} stopped: {}", sid, ex.toString());
		}
	}

	/** A leg's callback URL, the events it asked for, its next sequence number. */
	private static final class Leg {

		final String sid;

		final @Nullable URI callback;

		final Set<String> events;

		int sequence;

		Leg(String sid, @Nullable URI callback, Set<String> events) {
			this.sid = sid;
			this.callback = callback;
			this.events = events;
		}

	}

}
