package dev.switchboard.statuspage.incident;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Polls the feeds that are due, a bounded number at once; each poll claims its row, so
 * several instances share the work without polling a feed twice.
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
		List<UUID> due = this.feeds.due(this.clock.instant(), this.properties.pollConcurrency() * 4);
		if (due.isEmpty()) {
			return 0;
		}
		Semaphore slots = new Semaphore(this.properties.pollConcurrency());
		List<Future<Boolean>> polls = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (UUID id : due) {
				polls.add(executor.submit(() -> {
					slots.acquire();
					try {
						return this.poll.poll(id).isPresent();
					}
					finally {
						slots.release();
					}
				}));
			}
		}
		int polled = 0;
		for (Future<Boolean> result : polls) {
			try {
				polled += result.get() ? 1 : 0;
			}
			catch (ExecutionException ex) {
				log.warn("A feed poll failed: {}", ex.getCause().toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return polled;
			}
		}
		return polled;
	}

}
