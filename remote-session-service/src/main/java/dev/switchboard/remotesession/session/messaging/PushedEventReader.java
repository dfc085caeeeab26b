package dev.switchboard.remotesession.session.messaging;

import java.time.Instant;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.remotesession.session.SessionActivity;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the vendor-neutral pushed body
 * {@code {type, providerSessionId, occurredAt, agent, host, durationSeconds, endReason,
 * recordingUrl}}. Errors name the delivery, never the body.
 */
class PushedEventReader {

	private final JsonMapper json;

	PushedEventReader(JsonMapper json) {
		this.json = json;
	}

	SessionActivity read(InboundDelivery delivery) {
		Body body;
		try {
			body = this.json.readValue(delivery.body(), Body.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("delivery " + delivery.deliveryId() + " is not a session event");
		}
		if (body.type() == null || body.providerSessionId() == null || body.providerSessionId().isBlank()
				|| body.occurredAt() == null) {
			throw new IllegalArgumentException(
					"delivery " + delivery.deliveryId() + " lacks type, providerSessionId or occurredAt");
		}
		return switch (body.type()) {
			case "session.started" -> SessionActivity.started(body.providerSessionId(), body.occurredAt(), body.agent(),
					body.host(), SessionActivity.Source.PUSH);
			case "session.ended" -> new SessionActivity(SessionActivity.Kind.ENDED, body.providerSessionId(),
					body.occurredAt(), body.agent(), body.host(), null, body.durationSeconds(),
					(body.endReason() != null) ? body.endReason() : "ended", body.recordingUrl(),
					SessionActivity.Source.PUSH);
			case "session.failed" -> SessionActivity.failed(body.providerSessionId(), body.occurredAt(),
					(body.endReason() != null) ? body.endReason() : "failed at the vendor",
					SessionActivity.Source.PUSH);
			default -> throw new IllegalArgumentException(
					"delivery " + delivery.deliveryId() + " has an unknown session event type");
		};
	}

	@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
	record Body(@Nullable String type, @Nullable String providerSessionId, @Nullable Instant occurredAt,
			@Nullable String agent, @Nullable String host, @Nullable Long durationSeconds, @Nullable String endReason,
			@Nullable String recordingUrl) {
	}

}
