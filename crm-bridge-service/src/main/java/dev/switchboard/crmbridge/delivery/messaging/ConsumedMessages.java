package dev.switchboard.crmbridge.delivery.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.MDC;

import java.util.function.Supplier;

/**
 * The one shape of this service's consumers ({@code inboundDeliveries},
 * {@code ticketCommands}), written once: while a message is handled its correlation id is
 * in every log line ({@code correlationId} in the MDC); what the handling did is counted
 * once under the consumer's counter with an {@code outcome} tag; a failure is counted as
 * {@code failed} and rethrown, so the binder (one attempt) republishes the message to the
 * dead-letter queue, where {@link FailedMessageLog} logs it by id. The owner check is the
 * consumer's first step (a provider crm-bridge does not own, a ticket id that is not a
 * helpdesk id). Deduplication is not here but in the core, on the message's own id and in
 * the transaction of its effect: {@code ticket_command} per {@code commandId},
 * {@code call_callback} per idempotency token, {@code parked_delivery} per event id;
 * helpdesk events are published again with the same event id (receivers drop the repeat).
 */
final class ConsumedMessages {

	private final MeterRegistry meters;

	private final String counter;

	/**
	 * @param counter the consumer's counter, e.g. {@code switchboard.commands.received}
	 */
	ConsumedMessages(MeterRegistry meters, String counter) {
		this.meters = meters;
		this.counter = counter;
	}

	/**
	 * Handles one message.
	 * @param tags the message's own tags besides the outcome (e.g. its provider)
	 * @param handling checks the owner, hands the message to the core and logs it;
	 * returns the outcome to count
	 */
	void handle(String correlationId, Tags tags, Supplier<String> handling) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", correlationId)) {
			String outcome = handling.get();
			this.meters.counter(this.counter, tags.and("outcome", outcome)).increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter(this.counter, tags.and("outcome", "failed")).increment();
			throw ex;
		}
	}

}
