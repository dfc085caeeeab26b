package dev.switchboard.statuspage.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends the due head of every active subscription's queue, many subscriptions at once
 * (virtual threads, bounded), so a 2,000-channel fan-out never waits behind one slow
 * channel while each channel keeps its order.
 */
@Service
public class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryLedger ledger;

	private final DeliveryAttempt attempt;

	private final DeliveryProperties properties;

	private final Clock clock;

	DeliveryWorker(DeliveryLedger ledger, DeliveryAttempt attempt, DeliveryProperties properties, Clock clock) {
		this.ledger = ledger;
		this.attempt = attempt;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return the outcomes of this round's attempts
	 */
	public List<String> deliverDue() {
		List<Long> heads = this.ledger.dueHeads(this.clock.instant(), this.properties.concurrency() * 8);
		if (heads.isEmpty()) {
			return List.of();
		}
		Semaphore slots = new Semaphore(this.properties.concurrency());
		List<Future<Optional<String>>> attempts = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long seq : heads) {
				attempts.add(executor.submit(() -> {
					slots.acquire();
					try {
						return this.attempt.attempt(seq);
					}
					finally {
						slots.release();
					}
				}));
			}
		}
		List<String> outcomes = new ArrayList<>();
		for (Future<Optional<String>> result : attempts) {
			try {
				result.get().ifPresent(outcomes::add);
			}
			catch (ExecutionException ex) {
				log.warn("A delivery attempt failed: {}", ex.getCause().toString());
				outcomes.add("error");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return outcomes;
	}

}
