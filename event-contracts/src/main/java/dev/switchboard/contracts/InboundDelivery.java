package dev.switchboard.contracts;

import static dev.switchboard.contracts.Validation.notBlank;
import static dev.switchboard.contracts.Validation.required;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * A webhook delivery the gateway verified, published on
 * {@link Destinations#WEBHOOKS_INBOUND} with routing key {@code <provider>.<eventType>}.
 *
 * @param schemaVersion version of this record's shape
 * @param eventId this message's own id (also the AMQP {@code message_id}), derived from
 * provider and delivery id so that a provider's retry or a redelivery carries the same id
 * @param correlationId id that follows the delivery through every log and message it
 * causes
 * @param provider the provider's id ({@link Provider#id()})
 * @param eventType the event token of the routing key, e.g. {@code issues} for GitHub
 * @param deliveryId the provider's own id of the delivery
 * @param receivedAt when the gateway received it
 * @param headers the request headers that matter to the owner (names in lower case)
 * @param body the raw, verified request body; empty when it travels by reference
 * @param bodyByReference {@code true} when the body was too large for a message: it is in
 * the gateway's delivery log, served to the owner at
 * {@code GET <gateway>/internal/deliveries/<eventId>/body} (absent in older messages)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboundDelivery(int schemaVersion, UUID eventId, String correlationId, String provider, String eventType,
		String deliveryId, Instant receivedAt, Map<String, String> headers, byte[] body,
		@Nullable Boolean bodyByReference) {

	public InboundDelivery {
		Validation.schemaVersion(schemaVersion);
		required(eventId, "eventId");
		notBlank(correlationId, "correlationId");
		notBlank(provider, "provider");
		notBlank(eventType, "eventType");
		notBlank(deliveryId, "deliveryId");
		required(receivedAt, "receivedAt");
		headers = Map.copyOf(required(headers, "headers"));
		required(body, "body");
		if (Boolean.TRUE.equals(bodyByReference) && body.length > 0) {
			throw new IllegalArgumentException("a body that travels by reference is not in the message");
		}
	}

	/**
	 * A delivery in the current schema version, its id derived from provider and delivery
	 * id.
	 */
	public static InboundDelivery of(String correlationId, Provider provider, String eventType, String deliveryId,
			Instant receivedAt, Map<String, String> headers, byte[] body) {
		return new InboundDelivery(SchemaVersions.CURRENT, idOf(provider.id(), deliveryId), correlationId,
				provider.id(), eventType, deliveryId, receivedAt, headers, body, null);
	}

	/** Whether the body is in the gateway's delivery log rather than in this message. */
	public boolean byReference() {
		return Boolean.TRUE.equals(this.bodyByReference);
	}

	/** This delivery with its body left in the gateway's delivery log. */
	public InboundDelivery withBodyByReference() {
		return new InboundDelivery(this.schemaVersion, this.eventId, this.correlationId, this.provider, this.eventType,
				this.deliveryId, this.receivedAt, this.headers, new byte[0], true);
	}

	/** This delivery carrying its body, fetched from the gateway's delivery log. */
	public InboundDelivery withBody(byte[] body) {
		return new InboundDelivery(this.schemaVersion, this.eventId, this.correlationId, this.provider, this.eventType,
				this.deliveryId, this.receivedAt, this.headers, body, null);
	}

	/** The deterministic message id of a provider's delivery. */
	public static UUID idOf(String provider, String deliveryId) {
		return UUID.nameUUIDFromBytes(("inbound:" + provider + ":" + deliveryId).getBytes(StandardCharsets.UTF_8));
	}

	public String routingKey() {
		return this.provider + "." + this.eventType;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof InboundDelivery that && this.schemaVersion == that.schemaVersion
				&& this.eventId.equals(that.eventId) && this.correlationId.equals(that.correlationId)
				&& this.provider.equals(that.provider) && this.eventType.equals(that.eventType)
				&& this.deliveryId.equals(that.deliveryId) && this.receivedAt.equals(that.receivedAt)
				&& this.headers.equals(that.headers) && Arrays.equals(this.body, that.body)
				&& byReference() == that.byReference();
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.eventId, this.deliveryId, Arrays.hashCode(this.body));
	}

	/**
	 * Never prints the body or the headers: they may carry customer data and signatures.
	 */
	@Override
	public String toString() {
		return "InboundDelivery[eventId=" + this.eventId + ", provider=" + this.provider + ", eventType="
				+ this.eventType + ", deliveryId=" + this.deliveryId + ", bodyBytes=" + this.body.length
				+ (byReference() ? ", bodyByReference" : "") + "]";
	}

}
