package dev.switchboard.gateway.webhook;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Hands a verified delivery to the broker and waits until it is safe or known not to be.
 */
public interface DeliveryPublisher {

	/**
	 * @param publication the message, whose body travels inline or by reference as
	 * decided when the publication was made
	 * @param replayOf the delivery log entry an operator replays, sent as the
	 * {@code replay-of} header; {@code null} for a delivery as it arrives
	 */
	PublishOutcome publish(Publication publication, @Nullable UUID replayOf);

}
