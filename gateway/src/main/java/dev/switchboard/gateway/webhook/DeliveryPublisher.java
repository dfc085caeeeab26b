package dev.switchboard.gateway.webhook;

import dev.switchboard.contracts.InboundDelivery;

/**
 * Hands a verified delivery to the broker and waits until it is safe or known not to be.
 */
public interface DeliveryPublisher {

	PublishOutcome publish(InboundDelivery delivery);

}
