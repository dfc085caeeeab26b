package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Polls the feeds that are due, a bounded number at once; each poll claims its row, so
 * several instances share the work without polling a feed twice. One call keeps taking
 * due feeds, a batch at a time, until none is left, and a finished poll frees its slot
 * for the next feed at once: how many feeds one instance polls per interval is bounded by
 * the concurrency and the feeds' response times, not by the batch size or the tick (one
 * batch per tick capped 1,000 feeds at 10 s to about 30 polls a second, a third of what
 * they needed).
 */
@Service
public class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final Feeds feeds;

	private final FeedPoll poll;

	private final FeedProperties properties;

	private final Clock clock;

	FeedPoller(Feeds feeds, FeedPoll poll, FeedProperties properties, Clock clock) {
		this.feeds = feeds;
		this.poll = poll;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return how many feeds this call polled
	 */
	public int pollDue() {
		int batch = this.properties.pollConcurrency() * 4;
		Semaphore slots = new Semaphore(this.properties.pollConcurrency());
		// a feed that another instance holds stays due until that instance leases it:
		// taken once per call
		Set<UUID> taken = new HashSet<>();
		AtomicInteger polled = new AtomicInteger();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			boolean more = true;
			while (more) {
				List<UUID> due = this.feeds.due(this.clock.instant(), batch);
				List<UUID> fresh = due.stream().filter(taken::add).toList();
				for (UUID id : fresh) {
					slots.acquire();
					executor.submit(() -> pollOne(id, slots, polled));
				}
				// a short batch held all that is due, an all-taken one only stragglers
				more = due.size() == batch && !fresh.isEmpty();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return polled.get();
	}

	private void pollOne(UUID id, Semaphore slots, AtomicInteger polled) {
		try {
			if (this.poll.poll(id).isPresent()) {
				polled.incrementAndGet();
			}
		}
		catch (RuntimeException ex) {
			log.warn("A feed poll failed: {}", ex.toString());
		}
		finally {
			slots.release();
		}
	}

}
