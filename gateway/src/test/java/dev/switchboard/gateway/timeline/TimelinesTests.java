package dev.switchboard.gateway.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.delivery.Outcome;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimelinesTests {

	private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

	private final SearchOnlyLog log = new SearchOnlyLog();

	private final FakeServices services = new FakeServices();

	private final CountingCounters counters = new CountingCounters();

	private final Timelines timelines = new Timelines(this.log, this.services, this.counters);

	@Test
	void mergesTheDeliveriesAndEveryServicesPartInTimeOrder() {
		UUID delivery = UUID.randomUUID();
		this.log.deliveries.add(summary(delivery, T0.plusSeconds(1), Outcome.PUBLISHED, 0, null));
		this.services.answers.put(ServiceNames.ISSUE_SYNC, List.of(entry(ServiceNames.ISSUE_SYNC, T0, "link.created"),
				entry(ServiceNames.ISSUE_SYNC, T0.plusSeconds(2), "note.sent")));
		this.services.answers.put(ServiceNames.CRM_BRIDGE,
				List.of(entry(ServiceNames.CRM_BRIDGE, T0.plusSeconds(3), "command.applied"),
						entry(ServiceNames.CRM_BRIDGE, T0.plusSeconds(1), "call.logged")));

		Timeline timeline = this.timelines.of(" 4711 ");

		assertThat(timeline.value()).isEqualTo("4711");
		assertThat(timeline.subject()).isEqualTo(TimelineSubject.TICKET);
		assertThat(timeline.entries()).extracting(TimelineEntry::kind)
			.as("oldest first; at the same instant the gateway comes before the service that acted on it")
			.containsExactly("link.created", "delivery.received", "call.logged", "note.sent", "command.applied");
		assertThat(timeline.entries().get(1).ref()).isEqualTo(delivery.toString());
		assertThat(timeline.missing()).isEmpty();
		assertThat(this.services.asked).containsExactlyInAnyOrder(ServiceNames.ISSUE_SYNC + " TICKET 4711",
				ServiceNames.CRM_BRIDGE + " TICKET 4711", ServiceNames.REMOTE_SESSION + " TICKET 4711",
				ServiceNames.STATUSPAGE_FEED + " TICKET 4711");
		assertThat(this.log.asked).extracting(DeliveryQuery::containing).containsExactly("4711");
		assertThat(this.log.asked).allMatch(DeliveryQuery::oldestFirst);
	}

	@Test
	void aServiceThatFailsIsNamedAndTheRestIsStillShown() {
		this.services.answers.put(ServiceNames.ISSUE_SYNC, List.of(entry(ServiceNames.ISSUE_SYNC, T0, "link.created")));
		this.services.failing.add(ServiceNames.CRM_BRIDGE);

		Timeline timeline = this.timelines.of("https://github.com/acme/widgets/issues/42");

		assertThat(timeline.subject()).isEqualTo(TimelineSubject.ISSUE);
		assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsExactly("link.created");
		assertThat(timeline.missing()).containsExactly(ServiceNames.CRM_BRIDGE);
		assertThat(timeline.complete()).isFalse();
		assertThat(this.counters.missing).containsExactly(ServiceNames.CRM_BRIDGE);
		assertThat(this.counters.lookups).containsExactly(TimelineSubject.ISSUE);
	}

	@Test
	void aDeliveryNotConfirmedIsPendingAndAReplayIsAnEntryOfItsOwn() {
		UUID delivery = UUID.randomUUID();
		this.log.deliveries.add(summary(delivery, T0, Outcome.UNCONFIRMED, 2, T0.plusSeconds(60)));

		Timeline timeline = this.timelines.of("CA0123456789abcdef0123456789abcdef");

		assertThat(timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("delivery.received", TimelineEntry.PENDING),
					org.assertj.core.groups.Tuple.tuple("delivery.replayed", TimelineEntry.OK));
		assertThat(timeline.entries().get(1).summary()).contains("2 times");
	}

	@Test
	void refusesABlankOrOverlongValueBeforeAskingAnyone() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.timelines.of("   "));
		assertThatIllegalArgumentException().isThrownBy(() -> this.timelines.of("9".repeat(Timelines.MAX_VALUE + 1)));
		assertThat(this.services.asked).isEmpty();
		assertThat(this.log.asked).isEmpty();
	}

	private static TimelineEntry entry(String service, Instant at, String kind) {
		return new TimelineEntry(at, service, kind, kind + " summary", TimelineEntry.OK, null);
	}

	private static DeliverySummary summary(UUID id, Instant at, Outcome outcome, int replays,
			@Nullable Instant lastReplayedAt) {
		return new DeliverySummary(id, "github", "issues", "d-" + id, "c-" + id, at, 2048, outcome, 1, replays,
				lastReplayedAt, "issues closed acme/widgets#42");
	}

	private static final class CountingCounters implements TimelineCounters {

		final List<TimelineSubject> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> missing = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void lookedUp(TimelineSubject subject) {
			this.lookups.add(subject);
		}

		@Override
		public void missing(String service) {
			this.missing.add(service);
		}

	}

	private static final class FakeServices implements ServiceTimelines {

		final Map<String, List<TimelineEntry>> answers = new ConcurrentHashMap<>();

		final List<String> failing = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public List<TimelineEntry> of(String service, TimelineSubject subject, String value) {
			this.asked.add(service + " " + subject + " " + value);
			if (this.failing.contains(service)) {
				throw new IllegalStateException(service + " is not reachable");
			}
			return this.answers.getOrDefault(service, List.of());
		}

	}

	/** The delivery log as the timeline reads it: a search, nothing else. */
	private static final class SearchOnlyLog implements DeliveryLog {

		final List<DeliverySummary> deliveries = new ArrayList<>();

		final List<DeliveryQuery> asked = new ArrayList<>();

		@Override
		public DeliveryPage search(DeliveryQuery query) {
			this.asked.add(query);
			return new DeliveryPage(List.copyOf(this.deliveries), 0, query.size(), this.deliveries.size());
		}

		@Override
		public void record(InboundDelivery delivery, Outcome outcome) {
			throw new UnsupportedOperationException("the timeline only reads");
		}

		@Override
		public void settle(UUID id, Outcome outcome) {
			throw new UnsupportedOperationException("the timeline only reads");
		}

		@Override
		public void countDuplicate(UUID id) {
			throw new UnsupportedOperationException("the timeline only reads");
		}

		@Override
		public Optional<Outcome> outcomeOf(UUID id) {
			throw new UnsupportedOperationException("the timeline only searches");
		}

		@Override
		public Optional<LoggedDelivery> find(UUID id) {
			throw new UnsupportedOperationException("the timeline only searches");
		}

		@Override
		public List<DeliverySummary> after(DeliveryQuery query, @Nullable Instant receivedAt, @Nullable UUID id) {
			throw new UnsupportedOperationException("the timeline only searches");
		}

		@Override
		public void countReplay(UUID id, Instant at) {
			throw new UnsupportedOperationException("the timeline only reads");
		}

		@Override
		public int purgeReceivedBefore(Instant instant) {
			throw new UnsupportedOperationException("the timeline only reads");
		}

	}

}
