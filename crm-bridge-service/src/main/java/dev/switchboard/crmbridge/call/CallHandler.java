package dev.switchboard.crmbridge.call;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.switchboard.contracts.CallEvent;
import dev.switchboard.contracts.CallLogged;
import dev.switchboard.contracts.CallUpdated;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.SchemaVersions;
import dev.switchboard.crmbridge.delivery.DeliveryHandler;

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
 * the delivery routing and handed back through {@link #acceptParked}.
 */
@Service
public class CallHandler implements DeliveryHandler {

	private final CallbackFormat format;

	private final CallLogs logs;

	private final CallNotes notes;

	private final CallEvents events;

	private final Clock clock;

	public CallHandler(CallbackFormat format, CallLogs logs, CallNotes notes, CallEvents events, Clock clock) {
		this.format = format;
		this.logs = logs;
		this.notes = notes;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String provider() {
		return Provider.TWILIO.id();
	}

	/**
	 * Applies one callback in a transaction; a helpdesk failure rolls it back whole (the
	 * callback is not recorded as applied), so it can be applied again later.
	 */
	@Override
	@Transactional
	public String accept(InboundDelivery delivery) {
		return apply(delivery);
	}

	/**
	 * {@link #accept} in a transaction of its own, for a parked callback taken up under
	 * its row lock in another transaction.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String acceptParked(InboundDelivery delivery) {
		return apply(delivery);
	}

	private String apply(InboundDelivery delivery) {
		CallCallback callback = this.format.read(delivery.body(), delivery.receivedAt());
		Instant now = this.clock.instant();
		boolean fresh = this.logs.recordCallback(delivery.deliveryId(), callback.callKey(), now);
		CallLogs.Locked locked = this.logs.lock(initial(callback, delivery.correlationId()));
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
		this.events.publish(event(log, locked.created(), delivery));
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

	private static CallEvent event(CallLog log, boolean created, InboundDelivery delivery) {
		UUID eventId = UUID.nameUUIDFromBytes(
				("call-event:" + log.callSid() + ":" + delivery.deliveryId()).getBytes(StandardCharsets.UTF_8));
		Instant at = (log.endedAt() != null) ? log.endedAt() : delivery.receivedAt();
		boolean missed = log.ended() && log.missed();
		if (created) {
			return new CallLogged(SchemaVersions.CURRENT, eventId, delivery.correlationId(), log.callSid(),
					log.ticketId(), log.direction(), log.status(), at, log.durationSeconds(), log.waitSeconds(), missed,
					log.recordingUrl());
		}
		return new CallUpdated(SchemaVersions.CURRENT, eventId, delivery.correlationId(), log.callSid(), log.ticketId(),
				log.direction(), log.status(), at, log.durationSeconds(), log.waitSeconds(), missed,
				log.recordingUrl());
	}

}
