package dev.switchboard.statuspage.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.statuspage.posting.PostHistory.Intent;
import dev.switchboard.statuspage.posting.PostHistory.PostRecord;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * One entry per post (subscription, update), saying where it stands: the ledger keeps a
 * post's current state, so a retried post shows its last failure and a sent one when it
 * went. The subscription's id is the entry's {@code ref}. No channel URL is shown (Teams
 * and webhook URLs carry credentials); a Slack channel id is, as the API shows it.
 */
@Component
class PostEntries {

	private final Subscriptions subscriptions;

	PostEntries(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	List<TimelineEntry> of(List<PostRecord> posts) {
		Map<UUID, Optional<Subscription>> known = new HashMap<>();
		Map<String, Long> threadStarts = threadStarts(posts);
		List<TimelineEntry> entries = new ArrayList<>();
		for (PostRecord post : posts) {
			Subscription subscription = known
				.computeIfAbsent(post.subscriptionId(), (id) -> this.subscriptions.find(id))
				.orElse(null);
			Long first = threadStarts.get(thread(post));
			entries.add(entry(post, subscription, first != null && first == post.seq()));
		}
		return entries;
	}

	/**
	 * The first post a subscription got of an incident on a feed opened its thread (a new
	 * subscription's first is the open incident's current status); the later ones replied
	 * in it.
	 */
	private static Map<String, Long> threadStarts(List<PostRecord> posts) {
		Map<String, Long> first = new HashMap<>();
		for (PostRecord post : posts) {
			if ("sent".equals(post.state())) {
				first.merge(thread(post), post.seq(), Math::min);
			}
		}
		return first;
	}

	private static String thread(PostRecord post) {
		return post.subscriptionId() + "|" + post.feedId();
	}

	private static TimelineEntry entry(PostRecord post, @Nullable Subscription subscription, boolean startsThread) {
		String what = label(subscription) + ": " + Words.status(post.status());
		Instant lastAttemptAt = post.lastAttemptAt();
		Instant tried = (lastAttemptAt != null) ? lastAttemptAt : post.createdAt();
		String lastError = post.lastError();
		String why = (lastError != null) ? lastError : "no reason recorded";
		return switch (post.state()) {
			case "sent" -> entry(sentOr(post), "post.sent", what + " " + sent(subscription, post, startsThread),
					TimelineEntry.OK, post);
			case "skipped" -> entry(sentOr(post), "post.skipped",
					what + " not posted: none of the subscribed components is affected", TimelineEntry.OK, post);
			case "failed" ->
				entry(tried, "post.failed", what + " failed for good after " + attempts(post.attempts()) + ": " + why,
						TimelineEntry.FAILED, post);
			case "unknown" -> entry(tried, "post.unknown",
					what + " may or may not have arrived (" + why
							+ "): look in the channel, then send it again if it is missing",
					TimelineEntry.FAILED, post);
			default -> pending(post, subscription, what, tried, why);
		};
	}

	private static TimelineEntry pending(PostRecord post, @Nullable Subscription subscription, String what,
			Instant tried, String why) {
		Intent intent = post.intent();
		if (intent != null) {
			String doubt = "unknown".equals(intent.state())
					? " may have been posted (" + why + "): looked up before it is posted again"
					: " being posted: intent recorded, outcome not known yet";
			return entry(intent.recordedAt(), "post.intended", what + doubt, TimelineEntry.PENDING, post);
		}
		if (subscription != null && subscription.state() != SubscriptionState.ACTIVE) {
			String held = (subscription.state() == SubscriptionState.PAUSED) ? "paused"
					: "failing (" + subscription.failureReason() + ")";
			return entry(tried, "post.waiting", what + " held while the subscription is " + held, TimelineEntry.PENDING,
					post);
		}
		if (post.lastError() != null || post.attempts() > 0) {
			String so = (post.attempts() > 0) ? ", " + attempts(post.attempts()) + " so far" : "";
			return entry(tried, "post.retrying", what + " not posted yet, tried again later (" + why + so + ")",
					TimelineEntry.PENDING, post);
		}
		return entry(post.createdAt(), "post.queued", what + " queued", TimelineEntry.PENDING, post);
	}

	private static String sent(@Nullable Subscription subscription, PostRecord post, boolean startsThread) {
		if (subscription == null) {
			return "posted";
		}
		return switch (subscription.channel()) {
			case Channel.Slack slack ->
				startsThread ? "posted, opening the incident's thread" : "posted as a reply in the incident's thread";
			case Channel.Teams teams -> "posted as a card";
			case Channel.Webhook webhook -> "sent as the event incident." + post.change();
		};
	}

	private static String label(@Nullable Subscription subscription) {
		if (subscription == null) {
			return "A removed subscription";
		}
		String where = switch (subscription.channel()) {
			case Channel.Slack slack -> "Slack " + slack.channelId();
			case Channel.Teams teams -> "Teams";
			case Channel.Webhook webhook -> "webhook";
		};
		return "'" + Words.oneLine(subscription.name()) + "' (" + where + ")";
	}

	private static String attempts(int attempts) {
		return attempts + ((attempts == 1) ? " attempt" : " attempts");
	}

	private static Instant sentOr(PostRecord post) {
		Instant sentAt = post.sentAt();
		return (sentAt != null) ? sentAt : post.createdAt();
	}

	private static TimelineEntry entry(Instant at, String kind, String summary, String outcome, PostRecord post) {
		return new TimelineEntry(at, ServiceNames.STATUSPAGE_FEED, kind, summary, outcome,
				post.subscriptionId().toString());
	}

}
