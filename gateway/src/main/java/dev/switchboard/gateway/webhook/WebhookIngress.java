package dev.switchboard.gateway.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The gateway's promise: a webhook is answered 2xx only once it is verified and the
 * broker confirmed it; one that does not verify never gets in.
 */
@Service
public class WebhookIngress {

	private static final Logger log = LoggerFactory.getLogger(WebhookIngress.class);

	private final Map<String, ProviderScheme> schemes;

	private final DeliveryPublisher publisher;

	private final Clock clock;

	public WebhookIngress(List<ProviderScheme> schemes, DeliveryPublisher publisher, Clock clock) {
		this.schemes = schemes.stream()
			.collect(Collectors.toUnmodifiableMap((scheme) -> scheme.provider().id(), Function.identity()));
		this.publisher = publisher;
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
				verified.deliveryId(), this.clock.instant(), verified.keptHeaders(), request.body());
		return switch (this.publisher.publish(delivery)) {
			case PublishOutcome.Confirmed confirmed -> {
				log.info("Accepted {} delivery {} ({}, {} bytes)", provider.id(), delivery.deliveryId(),
						delivery.routingKey(), request.body().length);
				yield new IngressOutcome.Accepted(delivery.eventId(), delivery.deliveryId());
			}
			case PublishOutcome.NotConfirmed failed -> {
				log.warn("Could not hand {} delivery {} to the broker: {}", provider.id(), delivery.deliveryId(),
						failed.reason());
				yield new IngressOutcome.Unavailable(failed.reason());
			}
		};
	}

	private Optional<ProviderScheme> enabledScheme(String provider) {
		return Optional.ofNullable(this.schemes.get(provider)).filter(ProviderScheme::enabled);
	}

}
