package dev.switchboard.statuspage.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One attempt of one post (a row of the ledger), in one transaction that holds its ledger
 * row: the filter, the post, and the outcome (sent, skipped, parked until a time, failed,
 * or the subscription marked failing) commit together.
 */
@Service
public class PostingAttempt {

	/**
	 * The outcome of a post whose incident concerns none of the subscribed components.
	 */
	public static final String SKIPPED = "skipped";

	private static final Logger log = LoggerFactory.getLogger(PostingAttempt.class);

	private final PostLedger ledger;

	private final Subscriptions subscriptions;

	private final ChannelPosters posters;

	private final PostingProperties properties;

	private final Clock clock;

	PostingAttempt(PostLedger ledger, Subscriptions subscriptions, ChannelPosters posters, PostingProperties properties,
			Clock clock) {
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.posters = posters;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Holds the head's destination (one sender per destination across instances), then
	 * claims the row and posts it; the destination takes its next message one interval
	 * after this one's answer (or after a 429's {@code Retry-After}).
	 * @return the outcome's name, or empty when the destination or row was taken or not
	 * due
	 */
	@Transactional
	public Optional<String> attempt(PostLedger.DueHead head) {
		Instant now = this.clock.instant();
		if (!this.ledger.holdDestination(head.destination(), now)) {
			return Optional.empty();
		}
		Optional<PendingPost> claimed = this.ledger.claim(head.seq(), now);
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		PendingPost post = claimed.get();
		Subscription subscription = this.subscriptions.find(post.subscriptionId()).orElse(null);
		if (subscription == null || subscription.state() != SubscriptionState.ACTIVE) {
			return Optional.empty();
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", "delivery-" + head.seq())) {
			IncidentView view = post.view();
			if (!subscription.wants(view.components())) {
				this.ledger.skipped(head.seq(), "no subscribed component affected", now);
				return Optional.of(SKIPPED);
			}
			ChannelPoster poster = this.posters.of(subscription.channel());
			PostResult result = poster.post(subscription, post);
			// waits count from the answer, not from the claim
			Instant answered = this.clock.instant();
			String outcome = record(subscription, poster, post, result, answered);
			this.ledger.paceDestination(head.destination(), answered.plus(pace(poster, result)));
			return Optional.of(outcome);
		}
	}

	private static Duration pace(ChannelPoster poster, PostResult result) {
		Duration interval = poster.interval();
		if (result instanceof PostResult.RetryAfter limited && limited.delay().compareTo(interval) > 0) {
			return limited.delay();
		}
		return interval;
	}

	private String record(Subscription subscription, ChannelPoster poster, PendingPost post, PostResult result,
			Instant now) {
		long seq = post.seq();
		switch (result) {
			case PostResult.Posted posted -> this.ledger.sent(seq, now);
			case PostResult.RetryAfter limited -> {
				// parked in one place: the destination's pace (below), which holds every
				// subscription posting there, on every instance
				this.ledger.rateLimited(seq, limited.reason(), now);
				log.info("Post {} rate limited: its destination is parked for {}", seq, limited.delay());
			}
			case PostResult.ChannelBroken broken -> {
				this.subscriptions.changeState(subscription.id(), SubscriptionState.FAILING, broken.reason(), now);
				log.warn("Subscription {} is failing: {}; its updates stay pending until it is resumed",
						subscription.id(), broken.reason());
			}
			case PostResult.Rejected rejected -> {
				this.ledger.failed(seq, rejected.reason(), now);
				log.warn("Post {} rejected: {}", seq, rejected.reason());
			}
			case PostResult.Transient failure -> retryLater(post, failure.reason(), now);
			case PostResult.Unknown unknown -> {
				if (poster.repeatsSafely()) {
					// looked up (or deduplicated by the receiver) when it is posted again
					retryLater(post, unknown.reason(), now);
					return "reconciling";
				}
				this.ledger.unknownOutcome(seq, unknown.reason(), now);
				log.warn("Post {} has an unknown outcome ({}): not posted again until an operator sends it", seq,
						unknown.reason());
			}
		}
		return outcome(result);
	}

	private void retryLater(PendingPost post, String reason, Instant now) {
		long seq = post.seq();
		int attempts = post.attempts() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			this.ledger.failed(seq, reason, now);
			log.warn("Post {} failed after {} attempts: {}", seq, attempts, reason);
		}
		else {
			this.ledger.retryAt(seq, now.plus(backoff(attempts)), reason, now);
		}
	}

	private Duration backoff(int attempts) {
		Duration wait = this.properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	/** The outcome of an answer, as counted in the metrics. */
	public static String outcome(PostResult result) {
		return switch (result) {
			case PostResult.Posted posted -> "sent";
			case PostResult.RetryAfter limited -> "rate-limited";
			case PostResult.ChannelBroken broken -> "channel-broken";
			case PostResult.Rejected rejected -> "rejected";
			case PostResult.Transient failure -> "transient-failure";
			case PostResult.Unknown unknown -> "unknown";
		};
	}

}
