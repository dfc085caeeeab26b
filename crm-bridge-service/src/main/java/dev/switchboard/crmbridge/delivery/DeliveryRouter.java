package dev.switchboard.crmbridge.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * Routes each delivery to the handler of its provider. When the helpdesk cannot take what
 * the handler needs yet (429 with {@code Retry-After}, or 5xx and timeouts after the
 * adapter's own retries) the delivery is parked durably ({@link ParkedDeliveries}, next
 * attempt after {@code Retry-After} or a capped back-off) and acknowledged once the row
 * is committed, instead of failing into the DLQ; {@link #resumeDue()} routes it again.
 * Other failures (401/403, 404, 422, unreadable bodies, …) fail the delivery as before.
 */
@Service
public class DeliveryRouter {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRouter.class);

	private static final int MAX_ERROR_LENGTH = 500;

	private final Map<String, DeliveryHandler> handlers;

	private final ParkedDeliveries parked;

	private final ParkingProperties properties;

	private final DeliveryMetrics metrics;

	private final Clock clock;

	public DeliveryRouter(List<DeliveryHandler> handlers, ParkedDeliveries parked, ParkingProperties properties,
			DeliveryMetrics metrics, Clock clock) {
		this.handlers = handlers.stream().collect(Collectors.toMap(DeliveryHandler::provider, Function.identity()));
		this.parked = parked;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	public String accept(InboundDelivery delivery) {
		try {
			return handler(delivery).accept(delivery);
		}
		catch (HelpdeskException ex) {
			Duration wait = transientWait(ex.failure(), 1);
			if (wait == null) {
				throw ex;
			}
			Instant now = this.clock.instant();
			if (this.parked.park(delivery, now.plus(wait), error(ex), now)) {
				this.metrics.parked(delivery.provider());
				log.warn("{} delivery {} parked for {}: the helpdesk is {}", delivery.provider(), delivery.eventId(),
						wait, ex.failure().describe());
			}
			return "parked";
		}
	}

	/**
	 * Routes the parked deliveries that are due again, each once under its row lock; one
	 * that still cannot be handled waits again.
	 * @return how many were taken up
	 */
	public int resumeDue() {
		return this.parked.resumeDue(this.clock.instant(), this.properties.batch(), this::resume);
	}

	private Optional<ParkedDeliveries.Reschedule> resume(ParkedDeliveries.Parked parked) {
		InboundDelivery delivery = parked.delivery();
		int failures = parked.attempts() + 1;
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", delivery.correlationId())) {
			String outcome = handler(delivery).acceptParked(delivery);
			this.metrics.resumed(delivery.provider());
			log.info("Parked {} delivery {} after {} attempts: {}", delivery.provider(), parked.eventId(),
					parked.attempts(), outcome);
			return Optional.empty();
		}
		catch (HelpdeskException ex) {
			Duration wait = transientWait(ex.failure(), failures);
			if (wait == null) {
				// refused now (e.g. credentials revoked): kept, not dropped, and retried
				// at
				// the longest back-off until it goes through or an operator steps in; the
				// age of the oldest parked delivery (a gauge) shows it waiting
				wait = this.properties.maxBackoff();
				log.error("Parked {} delivery {} refused by the helpdesk (attempt {}), retried in {}: {}",
						delivery.provider(), parked.eventId(), failures, wait, ex.failure().describe());
			}
			return Optional.of(new ParkedDeliveries.Reschedule(this.clock.instant().plus(wait), error(ex)));
		}
		catch (RuntimeException ex) {
			log.warn("Parked {} delivery {} failed again (attempt {}): {}", delivery.provider(), parked.eventId(),
					failures, ex.toString());
			return Optional.of(new ParkedDeliveries.Reschedule(
					this.clock.instant().plus(this.properties.backoffAfter(failures)), truncate(ex.toString())));
		}
	}

	private DeliveryHandler handler(InboundDelivery delivery) {
		DeliveryHandler handler = this.handlers.get(delivery.provider());
		if (handler == null) {
			throw new IllegalArgumentException("crm-bridge-service does not handle " + delivery.provider()
					+ " deliveries (routing key " + delivery.routingKey() + ")");
		}
		return handler;
	}

	/** How long to wait for a failure that passes, or null for one that does not. */
	private @Nullable Duration transientWait(HelpdeskFailure failure, int failures) {
		return switch (failure) {
			case HelpdeskFailure.RateLimited limited -> limited.retryAfter();
			case HelpdeskFailure.Unavailable unavailable -> this.properties.backoffAfter(failures);
			default -> null;
		};
	}

	/** The failure as the adapter describes it: status and reason, never credentials. */
	private static String error(HelpdeskException ex) {
		return truncate(ex.failure().getClass().getSimpleName() + ": " + ex.failure().describe());
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH);
	}

}
