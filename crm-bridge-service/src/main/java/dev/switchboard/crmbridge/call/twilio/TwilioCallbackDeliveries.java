package dev.switchboard.crmbridge.call.twilio;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.call.CallCallback;
import dev.switchboard.crmbridge.call.CallHandler;
import dev.switchboard.crmbridge.call.CallbackFormat;
import dev.switchboard.crmbridge.call.CallbackReceipt;
import dev.switchboard.crmbridge.delivery.DeliveryHandler;

import org.springframework.stereotype.Component;

/**
 * {@code twilio.#} deliveries at the edge: the callback is read from its form body, then
 * handed to {@link CallHandler} with its idempotency token; the call feature never sees
 * the delivery.
 */
@Component
class TwilioCallbackDeliveries implements DeliveryHandler {

	private final CallbackFormat format;

	private final CallHandler calls;

	TwilioCallbackDeliveries(CallbackFormat format, CallHandler calls) {
		this.format = format;
		this.calls = calls;
	}

	@Override
	public String provider() {
		return Provider.TWILIO.id();
	}

	@Override
	public String accept(InboundDelivery delivery) {
		return this.calls.accept(callback(delivery), receipt(delivery));
	}

	@Override
	public String acceptParked(InboundDelivery delivery) {
		return this.calls.acceptParked(callback(delivery), receipt(delivery));
	}

	private CallCallback callback(InboundDelivery delivery) {
		return this.format.read(delivery.body(), delivery.receivedAt());
	}

	private static CallbackReceipt receipt(InboundDelivery delivery) {
		return new CallbackReceipt(delivery.deliveryId(), delivery.correlationId(), delivery.receivedAt());
	}

}
