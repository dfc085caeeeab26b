package dev.switchboard.crmbridge.delivery.messaging;

import java.util.Locale;
import java.util.function.Consumer;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.crmbridge.delivery.DeliveryRouter;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code webhooks.inbound}: checks that crm-bridge owns the delivery's provider, then
 * hands it to {@link DeliveryRouter}, which picks the provider's reader (Zendesk events,
 * Twilio callbacks), parses the body and calls the owning capability with domain objects
 * (or parks the delivery while the helpdesk cannot take it); counted as
 * {@code switchboard.deliveries.received{provider,outcome}}.
 */
class InboundDeliveryConsumer implements Consumer<InboundDelivery> {

	private static final Logger log = LoggerFactory.getLogger(InboundDeliveryConsumer.class);

	private final DeliveryRouter router;

	private final ConsumedMessages consumed;

	InboundDeliveryConsumer(DeliveryRouter router, ConsumedMessages consumed) {
		this.router = router;
		this.consumed = consumed;
	}

	@Override
	public void accept(InboundDelivery delivery) {
		this.consumed.handle(delivery.correlationId(),
				Tags.of("provider", delivery.provider().toLowerCase(Locale.ROOT)), () -> {
					checkOwner(delivery);
					String outcome = this.router.accept(delivery);
					log.info("{} delivery {} ({}): {}", delivery.provider(), delivery.deliveryId(),
							delivery.routingKey(), outcome);
					return outcome;
				});
	}

	/** The owner check: crm-bridge reads the providers it owns (Zendesk, Twilio) only. */
	private static void checkOwner(InboundDelivery delivery) {
		boolean owned = Provider.byId(delivery.provider())
			.filter((provider) -> provider.owner().equals(ServiceNames.CRM_BRIDGE))
			.isPresent();
		if (!owned) {
			throw new IllegalArgumentException("crm-bridge-service does not own " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
	}

}
