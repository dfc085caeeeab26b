package dev.switchboard.statuspage.delivery;

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
 * One attempt of one delivery, in one transaction that holds its ledger row: the filter,
 * the post, and the outcome (sent, skipped, parked until a time, failed, or the
 * subscription marked failing) commit together.
 */
@Service
public class DeliveryAttempt {

	/**
	 * The outcome of a delivery whose incident concerns none of the subscribed
	 * components.
	 */
	public static final String SKIPPED = "skipped";

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

	private final DeliveryLedger ledger;

	private final Subscriptions subscriptions;

	private final SlackMessages slack;

	private final SlackThreads threads;

	private final TeamsCards teams;

	private final WebhookEvents webhooks;

	private final SlackProperties slackProperties;

	private final DeliveryProperties properties;

	private final Clock clock;

	DeliveryAttempt(DeliveryLedger ledger, Subscriptions subscriptions, SlackMessages slack, SlackThreads threads,
			TeamsCards teams, WebhookEvents webhooks, SlackProperties slackProperties, DeliveryProperties properties,
			Clock clock) {
		this.ledger = ledger;
		this.subscriptions = subscriptions;
		this.slack = slack;
		this.threads = threads;
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
	public Optional<String> attempt(DeliveryLedger.DueHead head) {
		Instant now = this.clock.instant();
		if (!this.ledger.holdDestination(head.destination(), now)) {
			return Optional.empty();
		}
		Optional<PendingDelivery> claimed = this.ledger.claim(head.seq(), now);
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		PendingDelivery delivery = claimed.get();
		Subscription subscription = this.subscriptions.find(delivery.subscriptionId()).orElse(null);
		if (subscription == null || subscription.state() != SubscriptionState.ACTIVE) {
			return Optional.empty();
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", "delivery-" + head.seq())) {
			IncidentView view = delivery.view();
			if (!subscription.wants(view.components(), view.impact())) {
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

	private PostResult post(Subscription subscription, PendingDelivery delivery) {
		IncidentView view = delivery.view();
		return switch (subscription.channel()) {
			case Channel.Slack slackChannel -> slack(subscription, slackChannel.channelId(), view);
			case Channel.Teams teamsChannel -> this.teams.post(teamsChannel.webhookUrl(), view);
			case Channel.Webhook webhook -> this.webhooks.post(webhook.url(), webhook.secret(),
					"msg_" + subscription.id() + "_" + view.updateId(), view);
		};
	}

	private PostResult slack(Subscription subscription, String channel, IncidentView view) {
		if (!this.slackProperties.configured()) {
			return new PostResult.ChannelBroken("slack-not-configured");
		}
		Optional<SlackThread> thread = this.threads.find(subscription.id(), view.feedId(), view.incidentCode());
		if (thread.isEmpty()) {
			PostResult result = this.slack.postParent(channel, view);
			if (result instanceof PostResult.Posted(String ts) && ts != null) {
				this.threads.started(subscription.id(), view, channel, ts);
			}
			return result;
		}
		PostResult result = this.slack.postReply(channel, thread.get().ts(), view,
				view.resolved() && this.slackProperties.broadcastResolved());
		if (result instanceof PostResult.Posted) {
			this.threads.want(subscription.id(), view);
		}
		return result;
	}

	private String record(Subscription subscription, PendingDelivery delivery, PostResult result, Instant now) {
		long seq = delivery.seq();
		switch (result) {
			case PostResult.Posted posted -> this.ledger.sent(seq, now);
			case PostResult.RetryAfter limited -> {
				this.ledger.retryAt(seq, now.plus(limited.delay()), limited.reason(), false);
				log.info("Delivery {} rate limited, parked for {}", seq, limited.delay());
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
			case PostResult.Transient failure -> {
				int attempts = delivery.attempts() + 1;
				if (attempts >= this.properties.maxAttempts()) {
					this.ledger.failed(seq, failure.reason(), now);
					log.warn("Delivery {} failed after {} attempts: {}", seq, attempts, failure.reason());
				}
				else {
					this.ledger.retryAt(seq, now.plus(backoff(attempts)), failure.reason(), true);
				}
			}
		}
		return outcome(result);
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
		};
	}

}
