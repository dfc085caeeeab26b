package dev.switchboard.gateway.timeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The timeline of a ticket id, an issue URL, a CallSid, a session id or an incident code:
 * the deliveries of the gateway's log that mention the value, and what each of the four
 * services says it did about it, asked at once and merged in time order. A service that
 * does not answer within {@link #DEADLINE} leaves its part out and is named in
 * {@link Timeline#missing()}: the rest is still shown.
 */
@Service
public class Timelines {

	/** How long the slowest service may take before the timeline is shown without it. */
	static final Duration DEADLINE = Duration.ofSeconds(8);

	/**
	 * The longest value asked for (the delivery log searches at most this many
	 * characters).
	 */
	public static final int MAX_VALUE = DeliveryQuery.MAX_CONTAINING;

	private static final Logger log = LoggerFactory.getLogger(Timelines.class);

	private static final List<String> SERVICES = List.of(ServiceNames.ISSUE_SYNC, ServiceNames.CRM_BRIDGE,
			ServiceNames.REMOTE_SESSION, ServiceNames.STATUSPAGE_FEED);

	/**
	 * Same instant: the gateway first (it received what the services then acted on), then
	 * the flow's order.
	 */
	private static final List<String> ORDER = List.of(ServiceNames.GATEWAY, ServiceNames.ISSUE_SYNC,
			ServiceNames.STATUSPAGE_FEED, ServiceNames.CRM_BRIDGE, ServiceNames.REMOTE_SESSION);

	private static final Comparator<TimelineEntry> IN_TIME_ORDER = Comparator.comparing(TimelineEntry::at)
		.thenComparingInt((entry) -> rank(entry.service()));

	private final DeliveryLog deliveries;

	private final ServiceTimelines services;

	private final TimelineCounters counters;

	public Timelines(DeliveryLog deliveries, ServiceTimelines services, TimelineCounters counters) {
		this.deliveries = deliveries;
		this.services = services;
		this.counters = counters;
	}

	/**
	 * The merged timeline of what the value names.
	 * @param value what an operator typed
	 * @throws IllegalArgumentException when the value is blank or longer than
	 * {@link #MAX_VALUE}
	 */
	public Timeline of(String value) {
		String wanted = value.strip();
		if (wanted.isEmpty()) {
			throw new IllegalArgumentException(
					"Enter a ticket id, an issue URL, a CallSid, a session id or an" + " incident code.");
		}
		if (wanted.length() > MAX_VALUE) {
			throw new IllegalArgumentException("Look up at most " + MAX_VALUE + " characters.");
		}
		TimelineSubject subject = TimelineSubject.of(wanted);
		List<TimelineEntry> entries = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<String, Future<List<TimelineEntry>>> parts = new LinkedHashMap<>();
			for (String service : SERVICES) {
				parts.put(service, executor.submit(() -> this.services.of(service, subject, wanted)));
			}
			entries.addAll(deliveriesMentioning(wanted));
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			for (Map.Entry<String, Future<List<TimelineEntry>>> part : parts.entrySet()) {
				String service = part.getKey();
				try {
					entries
						.addAll(part.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
				}
				catch (ExecutionException | TimeoutException ex) {
					part.getValue().cancel(true);
					log.warn("{} left out of the timeline of {} {}: {}", service, subject, wanted,
							(ex instanceof ExecutionException) ? ex.getCause() : "no answer in " + DEADLINE);
					this.counters.missing(service);
					missing.add(service);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					missing.add(service);
				}
			}
			executor.shutdownNow();
		}
		entries.sort(IN_TIME_ORDER);
		this.counters.lookedUp(subject);
		return new Timeline(wanted, subject, entries, missing);
	}

	private List<TimelineEntry> deliveriesMentioning(String value) {
		DeliveryPage page = this.deliveries
			.search(new DeliveryQuery(null, null, null, null, null, value, true, 0, DeliveryQuery.MAX_SIZE));
		List<TimelineEntry> entries = new ArrayList<>();
		for (DeliverySummary delivery : page.items()) {
			String ref = delivery.id().toString();
			boolean confirmed = delivery.outcome() == Outcome.PUBLISHED;
			entries.add(new TimelineEntry(delivery.receivedAt(), ServiceNames.GATEWAY, "delivery.received",
					delivery.provider() + ": " + delivery.aboutOrEvent()
							+ (confirmed ? "" : " (not confirmed by the broker: the provider retries, or replay it)"),
					confirmed ? TimelineEntry.OK : TimelineEntry.PENDING, ref));
			if (delivery.replays() > 0 && delivery.lastReplayedAt() != null) {
				entries.add(new TimelineEntry(
						delivery.lastReplayedAt(), ServiceNames.GATEWAY, "delivery.replayed", delivery.provider() + ": "
								+ delivery.aboutOrEvent() + " replayed" + ((delivery.replays() > 1)
										? " (" + delivery.replays() + " times, the last shown)" : ""),
						TimelineEntry.OK, ref));
			}
		}
		return entries;
	}

	private static int rank(String service) {
		int rank = ORDER.indexOf(service);
		return (rank < 0) ? ORDER.size() : rank;
	}

}
