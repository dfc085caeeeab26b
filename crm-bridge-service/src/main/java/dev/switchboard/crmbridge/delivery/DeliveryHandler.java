package dev.switchboard.crmbridge.delivery;

import dev.switchboard.contracts.InboundDelivery;

/**
 * One provider's deliveries at the edge: an adapter of the owning feature (e.g.
 * {@code helpdeskevent.zendesk}, {@code call.twilio}) reads the body in its wire format
 * and hands the feature domain objects, so the feature never sees an
 * {@link InboundDelivery}. A {@code HelpdeskException} that passes (rate limited,
 * unavailable) parks the delivery ({@link DeliveryRouter}); any other failure sends it to
 * the DLQ.
 */
public interface DeliveryHandler {

	/** The provider id ({@code zendesk}, {@code twilio}). */
	String provider();

	/**
	 * Handles a delivery from the broker; all it writes is rolled back when it throws.
	 * @return a short word for logs and metrics (e.g. {@code published}, {@code stale})
	 */
	String accept(InboundDelivery delivery);

	/**
	 * {@link #accept} for a parked delivery, taken up under its row lock in another
	 * transaction: it must run in a transaction of its own (e.g.
	 * {@code @Transactional(propagation = REQUIRES_NEW)}), so that a failure rolls back
	 * only its own writes and the row can be rescheduled. No default: calling
	 * {@code accept} from here would bypass its transactional proxy and join the row's
	 * transaction, committing half of a failed attempt with the reschedule.
	 */
	String acceptParked(InboundDelivery delivery);

}
