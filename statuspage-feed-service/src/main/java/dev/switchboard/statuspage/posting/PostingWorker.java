package dev.switchboard.statuspage.posting;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends due posts back to back while there are any: each round takes the due head of
 * every active subscription whose destination may be sent to, spends budgets a channel
 * shares beyond one destination (the Slack workspace ceiling) evenly, and hands each to a
 * bounded pool of virtual threads. So a 2,000-channel fan-out never waits behind one slow
 * channel, each destination gets its own pace (one message per second per Slack channel),
 * and the workspace as a whole is never asked for more than its ceiling.
 */
@Service
public class PostingWorker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostingWorker.class);

	private final PostLedger ledger;

	private final PostingAttempt attempt;

	private final ChannelPosters posters;

	private final PostingProperties properties;

	private final Clock clock;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Semaphore slots;

	/**
	 * Destinations with an attempt in flight on this instance, or finished since the
	 * current round's query: not picked again in this round.
	 */
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

	/**
	 * Destinations whose attempt finished, released from {@link #inFlight} when the next
	 * round starts. Released at once, a destination that finished while a round was being
	 * worked would be tried again from that round's stale list: a wasted attempt, and a
	 * Slack slot taken and given back late, which lets two posts share one slot.
	 */
	private final Queue<String> finished = new ConcurrentLinkedQueue<>();

	PostingWorker(PostLedger ledger, PostingAttempt attempt, ChannelPosters posters, PostingProperties properties,
			Clock clock) {
		this.ledger = ledger;
		this.attempt = attempt;
		this.posters = posters;
		this.properties = properties;
		this.clock = clock;
		this.slots = new Semaphore(properties.concurrency());
	}

	/**
	 * Runs rounds until one finds nothing (else) to send.
	 * @param outcomes told each attempt's outcome (from the attempt's thread)
	 */
	public void postUntilIdle(Consumer<String> outcomes) throws InterruptedException {
		while (round(outcomes) > 0) {
			// the next round starts at once: destinations just sent to are paced out of
			// it
		}
	}

	/**
	 * One round.
	 * @return the attempts started
	 */
	int round(Consumer<String> outcomes) throws InterruptedException {
		for (String destination = this.finished.poll(); destination != null; destination = this.finished.poll()) {
			this.inFlight.remove(destination);
		}
		List<PostLedger.DueHead> heads = this.ledger.dueHeads(this.clock.instant(), this.properties.concurrency() * 8);
		int started = 0;
		for (PostLedger.DueHead head : heads) {
			if (!this.inFlight.add(head.destination())) {
				continue;
			}
			boolean handedOver = false;
			try {
				ChannelPoster poster = this.posters.forDestination(head.destination());
				poster.awaitSlot();
				this.slots.acquire();
				this.executor.execute(() -> run(head, poster, outcomes));
				handedOver = true;
				started++;
			}
			finally {
				if (!handedOver) {
					this.inFlight.remove(head.destination());
				}
			}
		}
		return started;
	}

	private void run(PostLedger.DueHead head, ChannelPoster poster, Consumer<String> outcomes) {
		Optional<String> outcome = Optional.empty();
		try {
			outcome = this.attempt.attempt(head);
		}
		catch (RuntimeException ex) {
			log.warn("A posting attempt failed: {}", ex.toString());
			outcome = Optional.of("error");
		}
		finally {
			boolean posted = outcome.isPresent() && !outcome.get().equals(PostingAttempt.SKIPPED);
			if (!posted) {
				poster.returnSlot();
			}
			this.finished.add(head.destination());
			this.slots.release();
		}
		outcome.ifPresent(outcomes);
	}

	@Override
	public void close() {
		this.executor.close();
	}

}
