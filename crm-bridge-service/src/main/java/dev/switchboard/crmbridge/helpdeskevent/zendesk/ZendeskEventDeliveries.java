package dev.switchboard.crmbridge.helpdeskevent.zendesk;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.delivery.DeliveryHandler;
import dev.switchboard.crmbridge.helpdeskevent.HelpdeskEventFormat;
import dev.switchboard.crmbridge.helpdeskevent.HelpdeskEventHandler;

import org.springframework.stereotype.Component;

/**
 * {@code zendesk.#} deliveries at the edge: the event is read from its JSON body, then
 * handed to {@link HelpdeskEventHandler} as a domain activity; the helpdesk event feature
 * never sees the delivery.
 */
@Component
class ZendeskEventDeliveries implements DeliveryHandler {

	private final HelpdeskEventFormat format;

	private final HelpdeskEventHandler events;

	ZendeskEventDeliveries(HelpdeskEventFormat format, HelpdeskEventHandler events) {
		this.format = format;
		this.events = events;
	}

	@Override
	public String provider() {
		return Provider.ZENDESK.id();
	}

	@Override
	public String accept(InboundDelivery delivery) {
		return this.events.accept(this.format.read(delivery.body()), delivery.correlationId());
	}

	@Override
	public String acceptParked(InboundDelivery delivery) {
		return this.events.acceptParked(this.format.read(delivery.body()), delivery.correlationId());
	}

}
