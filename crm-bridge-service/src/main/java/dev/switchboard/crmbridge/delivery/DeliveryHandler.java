package dev.switchboard.crmbridge.delivery;

import dev.switchboard.contracts.InboundDelivery;

/** Handles one provider's deliveries; a failure sends the delivery to the DLQ. */
public interface DeliveryHandler {

	/** The provider id ({@code zendesk}, {@code twilio}). */
	String provider();

	/**
	 * @return a short word for logs and metrics (e.g. {@code published}, {@code stale})
	 */
	String accept(InboundDelivery delivery);

}
