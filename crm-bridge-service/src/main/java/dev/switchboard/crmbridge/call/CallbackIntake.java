package dev.switchboard.crmbridge.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.crmbridge.delivery.DeliveryHandler;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Phone-system callbacks ({@code twilio.#}) as they come from the broker, handed to
 * {@link CallHandler}. When the helpdesk cannot take the caller's lookup or note yet (429
 * with {@code Retry-After}, or 5xx and timeouts after the adapter's own retries) the
 * callback is parked durably ({@link ParkedCallbacks}, next attempt after
 * {@code Retry-After} or a capped back-off) and the message acknowledged once the row is
 * committed, instead of failing into the DLQ; {@link #resumeDue()} applies it again.
 * Other failures (401/403, 404, 422, …) fail the message as before.
 */
@Service
public class CallbackIntake implements DeliveryHandler {

	private static final Logger log = LoggerFactory.getLogger(CallbackIntake.class);

	private static final int MAX_ERROR_LENGTH = 500;

	private final CallHandler handler;

	private final ParkedCallbacks parked;

	private final ParkingProperties properties;

	private final CallMetrics metrics;

	private final Clock clock;

	public CallbackIntake(CallHandler handler, ParkedCallbacks parked, ParkingProperties properties,
			CallMetrics metrics, Clock clock) {
		this.handler = handler;
		this.parked = parked;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public String provider() {
		return Provider.TWILIO.id();
	}

	@Override
	public String accept(InboundDelivery delivery) {
		try {
			return this.handler.accept(delivery);
		}
		catch (HelpdeskException ex) {
			Duration wait = transientWait(ex.failure(), 1);
			if (wait == null) {
				throw ex;
			}
			Instant now = this.clock.instant();
			if (this.parked.park(delivery, now.plus(wait), error(ex), now)) {
				this.metrics.parked();
				log.warn("Callback {} parked for {}: the helpdesk is {}", delivery.eventId(), wait,
						ex.failure().describe());
			}
			return "parked";
		}
	}

	/**
	 * Applies the parked callbacks that are due, each once under its row lock; one that
	 * still cannot be applied waits again.
	 * @return how many were taken up
	 */
	public int resumeDue() {
		return this.parked.resumeDue(this.clock.instant(), this.properties.batch(), this::resume);
	}

	private Optional<ParkedCallbacks.Reschedule> resume(ParkedCallbacks.Parked callback) {
		int failures = callback.attempts() + 1;
		try {
			String outcome = this.handler.acceptParked(callback.delivery());
			this.metrics.resumed();
			log.info("Parked callback {} after {} attempts: {}", callback.eventId(), callback.attempts(), outcome);
			return Optional.empty();
		}
		catch (HelpdeskException ex) {
			Duration wait = transientWait(ex.failure(), failures);
			if (wait == null) {
				// refused now (e.g. credentials revoked): kept, not dropped, and retried
				// at the longest back-off until it goes through or an operator steps in
				wait = this.properties.maxBackoff();
				log.error("Parked callback {} refused by the helpdesk (attempt {}): {}", callback.eventId(), failures,
						ex.failure().describe());
			}
			return Optional.of(new ParkedCallbacks.Reschedule(this.clock.instant().plus(wait), error(ex)));
		}
		catch (RuntimeException ex) {
			log.warn("Parked callback {} failed again (attempt {}): {}", callback.eventId(), failures, ex.toString());
			return Optional.of(new ParkedCallbacks.Reschedule(
					this.clock.instant().plus(this.properties.backoffAfter(failures)), truncate(ex.toString())));
		}
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
