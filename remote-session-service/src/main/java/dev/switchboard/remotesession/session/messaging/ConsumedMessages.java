package dev.switchboard.remotesession.session.messaging;

import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.MDC;

/**
 * The one shape of this service's consumers, written once: while a message is handled its
 * correlation id is in every log line ({@code correlationId} in the MDC); what the
 * handling did is counted once under the consumer's counter with an {@code outcome} tag;
 * a failure is counted too (as {@code failed}, or what the consumer names it) and
 * rethrown, so the binder (one attempt) republishes the message to the dead-letter queue,
 * where {@link FailedDeliveryLog} logs it by id. Deduplication is not here but in the
 * core, on the message's own id and in the transaction of its effect
 * ({@code Sessions.markReceived}): a consumer only parses the message and hands the core
 * a domain object with that id.
 */
final class ConsumedMessages {

	private final MeterRegistry meters;

	private final String counter;

	private final Function<RuntimeException, String> failureOutcome;

	/**
	 * @param counter the consumer's counter, e.g.
	 * {@code switchboard.ticket-events.received}
	 * @param failureOutcome the outcome a failure is counted as
	 */
	ConsumedMessages(MeterRegistry meters, String counter, Function<RuntimeException, String> failureOutcome) {
		this.meters = meters;
		this.counter = counter;
		this.failureOutcome = failureOutcome;
	}

	/**
	 * Handles one message.
	 * @param tags the message's own tags besides the outcome (e.g. its provider)
	 * @param handling hands the message to the core; returns the outcome to count
	 */
	void handle(String correlationId, Tags tags, Supplier<String> handling) {
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", correlationId)) {
			String outcome = handling.get();
			this.meters.counter(this.counter, tags.and("outcome", outcome)).increment();
		}
		catch (RuntimeException ex) {
			this.meters.counter(this.counter, tags.and("outcome", this.failureOutcome.apply(ex))).increment();
			throw ex;
		}
	}

}
