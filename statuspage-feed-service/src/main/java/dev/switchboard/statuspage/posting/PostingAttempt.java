package dev.switchboard.statuspage.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.statuspage.subscription.Channel;
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
	 * The outcome of a delivery whose incident concerns none of the subscribed
	 * components.
	 */
	public static final String SKIPPED = "skipped";

	private static final Logger log = LoggerFactory.getLogger(PostingAttempt.class);

	private final PostLedger ledger;

	private final Subscriptions subscriptions;

	private final SlackPosting slack;

	private final PostIntents intents;

	private final TeamsCards teams;

	private final WebhookEvents webhooks;

	private final SlackProperties slackProperties;

	private final PostingProperties properties;

	private final Clock clock;

	PostingAttempt(PostLedger ledger, Subscriptions subscriptions, SlackPosting slack, PostIntents intents,
			TeamsCards teams, WebhookEvents webhooks, SlackProperties slackProperties, PostingProperties properties,
			Clock clock) {
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.slack = slack;
		this.intents = intents;
		this.teams = teams;
		this.webhooks = webhooks;
		this.slackProperties = slackProperties;
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
		PendingPost delivery = claimed.get();
		Subscription subscription = this.subscriptions.find(delivery.subscriptionId()).orElse(null);
		if (subscription == null || subscription.state() != SubscriptionState.ACTIVE) {
			return Optional.empty();
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", "delivery-" + head.seq())) {
			IncidentView view = delivery.view();
			if (!subscription.wants(view.components())) {
				this.ledger.skipped(head.seq(), "no subscribed component affected", now);
				return Optional.of(SKIPPED);
			}
			PostResult result = post(subscription, delivery);
			// waits count from the answer, not from the claim
			Instant answered = this.clock.instant();
			String outcome = record(subscription, delivery, result, answered);
			this.ledger.paceDestination(head.destination(), answered.plus(pace(subscription.channel(), result)));
			return Optional.of(outcome);
		}
	}

	private Duration pace(Channel channel, PostResult result) {
		Duration interval = switch (channel) {
			case Channel.Slack slack -> this.slackProperties.channelInterval();
			case Channel.Teams teams -> this.properties.teamsInterval();
			case Channel.Webhook webhook -> this.properties.webhookInterval();
		};
		if (result instanceof PostResult.RetryAfter limited && limited.delay().compareTo(interval) > 0) {
			return limited.delay();
		}
		return interval;
	}

	private PostResult post(Subscription subscription, PendingPost delivery) {
		IncidentView view = delivery.view();
		return switch (subscription.channel()) {
			case Channel.Slack slackChannel -> this.slack.post(subscription, slackChannel.channelId(), delivery);
			case Channel.Teams teamsChannel -> teams(subscription, teamsChannel.webhookUrl(), delivery);
			case Channel.Webhook webhook -> this.webhooks.post(webhook.url(), webhook.secret(),
					"msg_" + subscription.id() + "_" + view.updateId(), view);
		};
	}

	/**
	 * A Teams Workflows webhook cannot be asked what it received: a card whose outcome is
	 * unknown (or whose attempt was cut off by a stopped process, which leaves its intent
	 * behind) is never posted again by itself. Its delivery is marked {@code unknown},
	 * for an operator to look at the channel and send it again if it is missing.
	 */
	private PostResult teams(Subscription subscription, String webhookUrl, PendingPost delivery) {
		if (this.intents.find(delivery.seq()).isPresent()) {
			this.intents.resolved(delivery.seq());
			return new PostResult.Unknown("teams outcome unknown: the attempt was cut off during the post");
		}
		this.intents
			.record(new PostIntent(delivery.seq(), PostIntent.clientId(subscription.id(), delivery.view().updateId()),
					PostIntent.Kind.CARD, null, null, this.clock.instant()));
		PostResult result = this.teams.post(webhookUrl, delivery.view());
		this.intents.resolved(delivery.seq());
		return result;
	}

	private String record(Subscription subscription, PendingPost delivery, PostResult result, Instant now) {
		long seq = delivery.seq();
		switch (result) {
			case PostResult.Posted posted -> this.ledger.sent(seq, now);
			case PostResult.RetryAfter limited -> {
				// parked in one place: the destination's pace (below), which holds every
				// subscription posting there, on every instance
				this.ledger.rateLimited(seq, limited.reason());
				log.info("Delivery {} rate limited: its destination is parked for {}", seq, limited.delay());
			}
			case PostResult.ChannelBroken broken -> {
				this.subscriptions.changeState(subscription.id(), SubscriptionState.FAILING, broken.reason(), now);
				log.warn("Subscription {} is failing: {}; its updates stay pending until it is resumed",
						subscription.id(), broken.reason());
			}
			case PostResult.Rejected rejected -> {
				this.ledger.failed(seq, rejected.reason(), now);
				log.warn("Delivery {} rejected: {}", seq, rejected.reason());
			}
			case PostResult.Transient failure -> retryLater(delivery, failure.reason(), now);
			case PostResult.Unknown unknown -> {
				if (subscription.channel() instanceof Channel.Teams) {
					this.ledger.unknownOutcome(seq, unknown.reason(), now);
					log.warn("Delivery {} has an unknown outcome ({}): not posted again until an operator sends it",
							seq, unknown.reason());
				}
				else {
					// looked up before it is posted again
					retryLater(delivery, unknown.reason(), now);
					return "reconciling";
				}
			}
		}
		return outcome(result);
	}

	private void retryLater(PendingPost delivery, String reason, Instant now) {
		long seq = delivery.seq();
		int attempts = delivery.attempts() + 1;
		if (attempts >= this.properties.maxAttempts()) {
			this.ledger.failed(seq, reason, now);
			log.warn("Delivery {} failed after {} attempts: {}", seq, attempts, reason);
		}
		else {
			this.ledger.retryAt(seq, now.plus(backoff(attempts)), reason);
		}
	}

	private Duration backoff(int attempts) {
		Duration wait = this.properties.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
		return (wait.compareTo(this.properties.maxBackoff()) > 0) ? this.properties.maxBackoff() : wait;
	}

	static String outcome(PostResult result) {
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
