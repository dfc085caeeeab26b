package dev.switchboard.gateway.webhook;

import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import org.jspecify.annotations.Nullable;

/**
 * Hands a verified delivery to the broker and waits until it is safe or known not to be.
 */
public interface DeliveryPublisher {

	/**
	 * @param replayOf the delivery log entry an operator replays, sent as the
	 * {@code replay-of} header; {@code null} for a delivery as it arrives
	 */
	PublishOutcome publish(InboundDelivery delivery, @Nullable UUID replayOf);

}
