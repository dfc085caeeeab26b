package dev.switchboard.crmbridge.delivery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.contracts.InboundDelivery;

import org.springframework.stereotype.Service;

/** Routes each delivery to the handler of its provider. */
@Service
public class DeliveryRouter {

	private final Map<String, DeliveryHandler> handlers;

	public DeliveryRouter(List<DeliveryHandler> handlers) {
		this.handlers = handlers.stream().collect(Collectors.toMap(DeliveryHandler::provider, Function.identity()));
	}

	public String accept(InboundDelivery delivery) {
		DeliveryHandler handler = this.handlers.get(delivery.provider());
		if (handler == null) {
			throw new IllegalArgumentException("crm-bridge-service does not handle " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		return handler.accept(delivery);
	}

}
