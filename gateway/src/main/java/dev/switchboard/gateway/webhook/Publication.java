package dev.switchboard.gateway.webhook;

import dev.switchboard.contracts.InboundDelivery;

/**
 * A delivery as it is published, with the one decision whether its body travels inside
 * the message or by reference. The decision is taken here, when a delivery is about to be
 * published (by the ingress or a replay), and nowhere else: whoever acts on it (the
 * ingress writes the log before publishing, the publisher counts it) reads
 * {@link #byReference()}. A body larger than
 * {@link WebhookProperties#LARGEST_INLINE_BODY} does not fit a RabbitMQ message (16 MiB,
 * and base64 in JSON grows a body by a third): the message then points at the delivery
 * log, where the owner fetches the body.
 *
 * @param message the delivery as it goes on the wire: with its body, or without it and
 * marked {@link InboundDelivery#byReference()}
 */
public record Publication(InboundDelivery message) {

	public Publication {
		if (message.body().length > WebhookProperties.LARGEST_INLINE_BODY.toBytes()) {
			message = message.withBodyByReference();
		}
	}

	/** Whether the body stays in the delivery log, fetched from there by the owner. */
	public boolean byReference() {
		return this.message.byReference();
	}

}
