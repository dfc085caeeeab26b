package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.delivery.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The ingress's decisions without Spring, against fakes of the delivery log and the
 * publisher: what is published, what the log holds and when.
 */
class WebhookIngressTests {

	private static final int LARGEST_INLINE = (int) WebhookProperties.LARGEST_INLINE_BODY.toBytes();

	private final FakeDeliveryLog log = new FakeDeliveryLog();

	private final FakePublisher publisher = new FakePublisher(this.log);

	private final WebhookIngress ingress = new WebhookIngress(List.of(new AlwaysVerified()), this.publisher, this.log,
			Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

	@Test
	void publishesASmallBodyInsideTheMessageAndLogsItOnceConfirmed() {
		IngressOutcome outcome = this.ingress.receive("github", request("d-1", new byte[100]), "corr-1");

		assertThat(outcome).isInstanceOf(IngressOutcome.Accepted.class);
		Publication published = this.publisher.published.getFirst();
		assertThat(published.byReference()).isFalse();
		assertThat(published.message().body()).hasSize(100);
		assertThat(this.publisher.loggedWhenPublished).containsExactly(false);
		assertThat(this.log.outcomes).containsValue(Outcome.PUBLISHED);
	}

	@Test
	void logsABodyTooLargeForAMessageBeforePublishingItByReference() {
		IngressOutcome outcome = this.ingress.receive("github", request("d-2", new byte[LARGEST_INLINE + 1]), "corr-2");

		assertThat(outcome).isInstanceOf(IngressOutcome.Accepted.class);
		Publication published = this.publisher.published.getFirst();
		assertThat(published.byReference()).isTrue();
		assertThat(published.message().body()).isEmpty();
		assertThat(this.publisher.loggedWhenPublished).containsExactly(true);
		assertThat(this.log.bodies.get(published.message().eventId())).hasSize(LARGEST_INLINE + 1);
		assertThat(this.log.outcomes).containsValue(Outcome.PUBLISHED);
	}

	@Test
	void leavesABodyTooLargeUnconfirmedInTheLogWhenTheBrokerDoesNotConfirm() {
		this.publisher.answer = new PublishOutcome.NotConfirmed("broker unreachable");

		IngressOutcome outcome = this.ingress.receive("github", request("d-3", new byte[LARGEST_INLINE + 1]), "corr-3");

		assertThat(outcome).isEqualTo(new IngressOutcome.Unavailable("broker unreachable"));
		assertThat(this.log.outcomes).containsValue(Outcome.UNCONFIRMED);
	}

	@Test
	void answersADeliveryPublishedBeforeAsADuplicateWithoutPublishingItAgain() {
		this.ingress.receive("github", request("d-4", new byte[10]), "corr-4");

		IngressOutcome again = this.ingress.receive("github", request("d-4", new byte[10]), "corr-5");

		assertThat(again).isInstanceOf(IngressOutcome.Duplicate.class);
		assertThat(this.publisher.published).hasSize(1);
		assertThat(this.log.duplicates).isEqualTo(1);
	}

	private static WebhookRequest request(String deliveryId, byte[] body) {
		return new WebhookRequest(Map.of("x-github-delivery", deliveryId), body);
	}

	/** A scheme that verifies everything: the signature is its tests' business. */
	private static final class AlwaysVerified implements ProviderScheme {

		@Override
		public Provider provider() {
			return Provider.GITHUB;
		}

		@Override
		public boolean enabled() {
			return true;
		}

		@Override
		public long maxBodyBytes() {
			return WebhookProperties.LARGEST_BODY.toBytes();
		}

		@Override
		public SchemeVerdict check(WebhookRequest request) {
			return new SchemeVerdict.Verified(String.valueOf(request.header("x-github-delivery")), "issues", Map.of());
		}

	}

	/** Records what is published, and whether the log had the delivery at that moment. */
	private static final class FakePublisher implements DeliveryPublisher {

		private final FakeDeliveryLog log;

		final List<Publication> published = new ArrayList<>();

		final List<Boolean> loggedWhenPublished = new ArrayList<>();

		PublishOutcome answer = new PublishOutcome.Confirmed();

		FakePublisher(FakeDeliveryLog log) {
			this.log = log;
		}

		@Override
		public PublishOutcome publish(Publication publication, @Nullable UUID replayOf) {
			this.published.add(publication);
			this.loggedWhenPublished.add(this.log.bodies.containsKey(publication.message().eventId()));
			return this.answer;
		}

	}

	/** The log's write path in memory; its query side is not the ingress's. */
	private static final class FakeDeliveryLog implements DeliveryLog {

		final Map<UUID, Outcome> outcomes = new HashMap<>();

		final Map<UUID, byte[]> bodies = new HashMap<>();

		int duplicates;

		@Override
		public void record(InboundDelivery delivery, Outcome outcome) {
			this.outcomes.put(delivery.eventId(), outcome);
			this.bodies.put(delivery.eventId(), delivery.body());
		}

		@Override
		public void settle(UUID id, Outcome outcome) {
			this.outcomes.replace(id, outcome);
		}

		@Override
		public void countDuplicate(UUID id) {
			this.duplicates++;
		}

		@Override
		public Optional<Outcome> outcomeOf(UUID id) {
			return Optional.ofNullable(this.outcomes.get(id));
		}

		@Override
		public Optional<LoggedDelivery> find(UUID id) {
			throw new UnsupportedOperationException("not on the ingress's path");
		}

		@Override
		public DeliveryPage search(DeliveryQuery query) {
			throw new UnsupportedOperationException("not on the ingress's path");
		}

		@Override
		public List<DeliverySummary> after(DeliveryQuery query, @Nullable Instant receivedAt, @Nullable UUID id) {
			throw new UnsupportedOperationException("not on the ingress's path");
		}

		@Override
		public void countReplay(UUID id, Instant at) {
			throw new UnsupportedOperationException("not on the ingress's path");
		}

		@Override
		public int purgeReceivedBefore(Instant instant) {
			throw new UnsupportedOperationException("not on the ingress's path");
		}

	}

}
