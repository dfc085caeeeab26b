package dev.switchboard.crmbridge.call;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.CallEvent;
import dev.switchboard.contracts.CallLogged;
import dev.switchboard.contracts.CallUpdated;
import dev.switchboard.contracts.SchemaVersions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone-system callbacks ({@code twilio.#}): each idempotency token is applied once to
 * the call's log under its row lock; the end note is written once every callback up to
 * the last has arrived (or the grace period has passed, {@link #writeDueEndNote}); a
 * recording, a voicemail or a voicemail's transcription after the end note adds one note
 * each. {@code calls.events} gets an event per callback, its id derived from the
 * callback, re-sent on redelivery. A callback the helpdesk cannot take yet is parked by
 * the delivery routing and handed back through {@link #acceptParked}. The callback
 * arrives read from its wire format ({@code twilio.TwilioCallbackDeliveries}): this class
 * never sees the delivery.
 */
@Service
public class CallHandler {

	private final CallLogs logs;

	private final CallNotes notes;

	private final CallEvents events;

	private final Clock clock;

	public CallHandler(CallLogs logs, CallNotes notes, CallEvents events, Clock clock) {
		this.logs = logs;
		this.notes = notes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Applies one callback in a transaction; a helpdesk failure rolls it back whole (the
	 * callback is not recorded as applied), so it can be applied again later.
	 */
	@Transactional
	public String accept(CallCallback callback, CallbackReceipt receipt) {
		return apply(callback, receipt);
	}

	/**
	 * {@link #accept} in a transaction of its own, for a parked callback taken up under
	 * its row lock in another transaction.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String acceptParked(CallCallback callback, CallbackReceipt receipt) {
		return apply(callback, receipt);
	}

	private String apply(CallCallback callback, CallbackReceipt receipt) {
		Instant now = this.clock.instant();
		boolean fresh = this.logs.recordCallback(receipt.idempotencyToken(), callback.callKey(), now);
		CallLogs.Locked locked = this.logs.lock(initial(callback, receipt.correlationId()));
		CallLog log = locked.log();
		if (fresh) {
			log = CallProgress.apply(log, callback);
			if (log.ended() && !log.endNoteWritten() && log.complete()) {
				log = this.notes.writeEndNote(log);
			}
			else if (log.endNoteWritten()) {
				// a recording, voicemail or transcription that came after the end note
				log = this.notes.writeLateNotes(log);
			}
			this.logs.save(log, now);
		}
		this.events.publish(event(log, locked.created(), receipt));
		return fresh ? "applied" : "duplicate";
	}

	/** Writes the end note of a call whose earlier callbacks never came. */
	@Transactional
	public void writeDueEndNote(String callSid) {
		this.logs.find(callSid).ifPresent((found) -> {
			CallLog log = this.logs.lock(found).log();
			if (log.ended() && !log.endNoteWritten()) {
				this.logs.save(this.notes.writeEndNote(log), this.clock.instant());
			}
		});
	}

	private static CallLog initial(CallCallback callback, String correlationId) {
		String direction = (callback.direction() != null && !callback.childLeg()) ? callback.direction() : "inbound";
		return new CallLog(callback.callKey(), direction, "queued", null, null, null, null, callback.timestamp(), null,
				null, null, null, null, -1, 0, false, false, correlationId, CallLog.Voicemail.NONE);
	}

	private static CallEvent event(CallLog log, boolean created, CallbackReceipt receipt) {
		UUID eventId = UUID.nameUUIDFromBytes(
				("call-event:" + log.callSid() + ":" + receipt.idempotencyToken()).getBytes(StandardCharsets.UTF_8));
		Instant at = (log.endedAt() != null) ? log.endedAt() : receipt.receivedAt();
		boolean missed = log.ended() && log.missed();
		if (created) {
			return new CallLogged(SchemaVersions.CURRENT, eventId, receipt.correlationId(), log.callSid(),
					log.ticketId(), log.direction(), log.status(), at, log.durationSeconds(), log.waitSeconds(), missed,
					log.recordingUrl());
		}
		return new CallUpdated(SchemaVersions.CURRENT, eventId, receipt.correlationId(), log.callSid(), log.ticketId(),
				log.direction(), log.status(), at, log.durationSeconds(), log.waitSeconds(), missed,
				log.recordingUrl());
	}

}
