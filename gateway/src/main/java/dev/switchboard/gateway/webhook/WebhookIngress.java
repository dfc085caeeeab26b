package dev.switchboard.gateway.webhook;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The gateway's promise: a webhook is answered 2xx only once it is verified and the
 * broker confirmed it; one that does not verify never gets in.
 */
@Service
public class WebhookIngress {

	private static final Logger logger = LoggerFactory.getLogger(WebhookIngress.class);

	private final Map<String, ProviderScheme> schemes;

	private final DeliveryPublisher publisher;

	private final DeliveryLog log;

	private final Clock clock;

	public WebhookIngress(List<ProviderScheme> schemes, DeliveryPublisher publisher, DeliveryLog log, Clock clock) {
		this.schemes = schemes.stream()
			.collect(Collectors.toUnmodifiableMap((scheme) -> scheme.provider().id(), Function.identity()));
		this.publisher = publisher;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * The body limit of an enabled provider; empty when the provider is unknown or
	 * switched off.
	 */
	public OptionalLong maxBodyBytes(String provider) {
		return enabledScheme(provider).map((scheme) -> OptionalLong.of(scheme.maxBodyBytes()))
			.orElseGet(OptionalLong::empty);
	}

	/**
	 * Refuses what the headers and the path alone show to be for an unknown provider or
	 * not signed; empty when the body has to be read. Nothing is accepted here.
	 */
	public Optional<IngressOutcome> screen(String provider, WebhookRequest headersOnly) {
		Optional<ProviderScheme> scheme = enabledScheme(provider);
		if (scheme.isEmpty()) {
			return Optional.of(new IngressOutcome.UnknownProvider(provider));
		}
		return scheme.get().screen(headersOnly).map((refused) -> new IngressOutcome.Unauthorized(refused.reason()));
	}

	public IngressOutcome receive(String provider, WebhookRequest request, String correlationId) {
		Optional<ProviderScheme> scheme = enabledScheme(provider);
		if (scheme.isEmpty()) {
			return new IngressOutcome.UnknownProvider(provider);
		}
		return switch (scheme.get().check(request)) {
			case SchemeVerdict.BadSignature bad -> new IngressOutcome.Unauthorized(bad.reason());
			case SchemeVerdict.Malformed malformed -> new IngressOutcome.Malformed(malformed.reason());
			case SchemeVerdict.Verified verified -> publish(scheme.get().provider(), verified, request, correlationId);
		};
	}

	private IngressOutcome publish(Provider provider, SchemeVerdict.Verified verified, WebhookRequest request,
			String correlationId) {
		InboundDelivery delivery = InboundDelivery.of(correlationId, provider, verified.eventType(),
				verified.deliveryId(), this.clock.instant().truncatedTo(ChronoUnit.MICROS), verified.keptHeaders(),
				request.body());
		if (this.log.outcomeOf(delivery.eventId()).filter(Outcome.PUBLISHED::equals).isPresent()) {
			this.log.countDuplicate(delivery.eventId());
			logger.info("Duplicate {} delivery {}: accepted before, not published again", provider.id(),
					delivery.deliveryId());
			return new IngressOutcome.Duplicate(delivery.eventId(), delivery.deliveryId());
		}
		// decided once: the log write below and the message follow the same decision
		Publication publication = new Publication(delivery);
		if (publication.byReference()) {
			// the message only points at the log: the body must be there before the owner
			// reads the message (a failure here answers 503, nothing was accepted)
			this.log.record(delivery, Outcome.UNCONFIRMED);
		}
		return switch (this.publisher.publish(publication, null)) {
			case PublishOutcome.Confirmed confirmed -> {
				recordQuietly(delivery, Outcome.PUBLISHED, publication.byReference());
				logger.info("Accepted {} delivery {} ({}, {} bytes)", provider.id(), delivery.deliveryId(),
						delivery.routingKey(), request.body().length);
				yield new IngressOutcome.Accepted(delivery.eventId(), delivery.deliveryId());
			}
			case PublishOutcome.NotConfirmed failed -> {
				recordQuietly(delivery, Outcome.UNCONFIRMED, publication.byReference());
				logger.warn("Could not hand {} delivery {} to the broker: {}", provider.id(), delivery.deliveryId(),
						failed.reason());
				yield new IngressOutcome.Unavailable(failed.reason());
			}
		};
	}

	/**
	 * The broker's answer decides the HTTP answer: once it confirmed, the delivery is
	 * safe even if the log cannot be written (a retry would then be published again, and
	 * consumers drop the repeat). A delivery recorded before it was published only gets
	 * its outcome set: its attempt is counted already.
	 */
	private void recordQuietly(InboundDelivery delivery, Outcome outcome, boolean recordedBefore) {
		try {
			if (recordedBefore) {
				this.log.settle(delivery.eventId(), outcome);
			}
			else {
				this.log.record(delivery, outcome);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write delivery {} to the delivery log ({}): {}", delivery.deliveryId(), outcome,
					ex.getMessage());
		}
	}

	private Optional<ProviderScheme> enabledScheme(String provider) {
		return Optional.ofNullable(this.schemes.get(provider)).filter(ProviderScheme::enabled);
	}

}
