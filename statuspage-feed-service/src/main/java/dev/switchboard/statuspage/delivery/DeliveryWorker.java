package dev.switchboard.statuspage.delivery;

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
 * Sends due deliveries back to back while there are any: each round takes the due head of
 * every active subscription whose destination may be sent to, spends the Slack workspace
 * ceiling evenly, and hands each to a bounded pool of virtual threads. So a 2,000-channel
 * fan-out never waits behind one slow channel, each destination gets its own pace (one
 * message per second per Slack channel), and the workspace as a whole is never asked for
 * more than its ceiling.
 */
@Service
public class DeliveryWorker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryLedger ledger;

	private final DeliveryAttempt attempt;

	private final SlackBudget slackBudget;

	private final DeliveryProperties properties;

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

	DeliveryWorker(DeliveryLedger ledger, DeliveryAttempt attempt, SlackBudget slackBudget,
			DeliveryProperties properties, Clock clock) {
		this.ledger = ledger;
		this.attempt = attempt;
		this.slackBudget = slackBudget;
		this.properties = properties;
		this.clock = clock;
		this.slots = new Semaphore(properties.concurrency());
	}

	/**
	 * Runs rounds until one finds nothing (else) to send.
	 * @param outcomes told each attempt's outcome (from the attempt's thread)
	 */
	public void deliverUntilIdle(Consumer<String> outcomes) throws InterruptedException {
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
		List<DeliveryLedger.DueHead> heads = this.ledger.dueHeads(this.clock.instant(),
				this.properties.concurrency() * 8);
		int started = 0;
		for (DeliveryLedger.DueHead head : heads) {
			if (!this.inFlight.add(head.destination())) {
				continue;
			}
			boolean handedOver = false;
			try {
				if (head.slack()) {
					this.slackBudget.awaitMessage();
				}
				this.slots.acquire();
				this.executor.execute(() -> run(head, outcomes));
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

	private void run(DeliveryLedger.DueHead head, Consumer<String> outcomes) {
		Optional<String> outcome = Optional.empty();
		try {
			outcome = this.attempt.attempt(head);
		}
		catch (RuntimeException ex) {
			log.warn("A delivery attempt failed: {}", ex.toString());
			outcome = Optional.of("error");
		}
		finally {
			boolean posted = outcome.isPresent() && !outcome.get().equals(DeliveryAttempt.SKIPPED);
			if (head.slack() && !posted) {
				this.slackBudget.returnMessage();
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
