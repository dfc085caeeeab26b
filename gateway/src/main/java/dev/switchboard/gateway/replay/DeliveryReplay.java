package dev.switchboard.gateway.replay;

import java.time.Clock;
import java.util.UUID;

import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.webhook.DeliveryPublisher;
import dev.switchboard.gateway.webhook.Publication;
import dev.switchboard.gateway.webhook.PublishOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Publishes a logged delivery again, as it arrived, with a {@code replay-of} header. Safe
 * because every consumer is idempotent on the delivery's id: a replay only applies what
 * is missing. It lives with bulk replay rather than in the delivery log: replay reads the
 * log and publishes through the webhook feature's publisher, while the webhook feature
 * writes the log; in {@code delivery} it made the two features import each other.
 */
@Service
public class DeliveryReplay {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReplay.class);

	private final DeliveryLog deliveries;

	private final DeliveryPublisher publisher;

	private final Clock clock;

	public DeliveryReplay(DeliveryLog deliveries, DeliveryPublisher publisher, Clock clock) {
		this.deliveries = deliveries;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** What a replay did. */
	public sealed interface Result {

		record Replayed(LoggedDelivery delivery) implements Result {
		}

		record NotFound(UUID id) implements Result {
		}

		record Unavailable(String reason) implements Result {
		}

	}

	public Result replay(UUID id, String actor) {
		return this.deliveries.find(id)
			.<Result>map((delivery) -> replay(delivery, actor))
			.orElseGet(() -> new Result.NotFound(id));
	}

	private Result replay(LoggedDelivery delivery, String actor) {
		return switch (this.publisher.publish(new Publication(delivery.toInboundDelivery()), delivery.id())) {
			case PublishOutcome.Confirmed confirmed -> {
				this.deliveries.countReplay(delivery.id(), this.clock.instant());
				log.info("{} replayed {} delivery {} (log id {})", actor, delivery.provider(), delivery.deliveryId(),
						delivery.id());
				yield new Result.Replayed(delivery);
			}
			case PublishOutcome.NotConfirmed failed -> new Result.Unavailable(failed.reason());
		};
	}

}
