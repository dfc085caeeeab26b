package dev.switchboard.statuspage.posting;

import java.time.Clock;
import java.util.Optional;

import dev.switchboard.statuspage.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One delivery to Slack, never posted twice: the intent is committed before the call, and
 * a post whose outcome is unknown (timeout, reset, 5xx, the process killed before the
 * attempt committed) is looked up by its client id before anything is posted again. A
 * parent found that way becomes the incident's thread, so a second thread is never
 * opened. Runs inside the attempt's transaction.
 */
@Component
class SlackPosting {

	private static final Logger log = LoggerFactory.getLogger(SlackPosting.class);

	private final SlackMessages slack;

	private final SlackThreads threads;

	private final PostIntents intents;

	private final PostLedger ledger;

	private final SlackProperties properties;

	private final Clock clock;

	SlackPosting(SlackMessages slack, SlackThreads threads, PostIntents intents, PostLedger ledger,
			SlackProperties properties, Clock clock) {
		this.slack = slack;
		this.threads = threads;
		this.intents = intents;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	PostResult post(Subscription subscription, String channel, PendingPost delivery) {
		if (!this.properties.configured()) {
			return new PostResult.ChannelBroken("slack-not-configured");
		}
		IncidentView view = delivery.view();
		Optional<PostIntent> earlier = this.intents.find(delivery.seq());
		if (earlier.isPresent()) {
			switch (lookUp(earlier.get())) {
				case SlackLookup.Found found -> {
					log.info("Delivery {} was posted before its outcome was known ({}): not posted again",
							delivery.seq(), found.ts());
					return adopt(subscription, view, earlier.get(), found.ts());
				}
				case SlackLookup.Failed failed -> {
					return failed.failure();
				}
				case SlackLookup.NotFound notFound ->
					log.info("Delivery {} was not posted: posting it again", delivery.seq());
			}
		}
		PostResult result = send(subscription, channel, delivery);
		switch (result) {
			case PostResult.Posted posted -> this.intents.resolved(delivery.seq());
			case PostResult.Unknown unknown -> this.intents.unknown(delivery.seq());
			default -> {
				// certainly not posted now; an earlier unknown post is still looked up
				if (earlier.isPresent()) {
					this.intents.unknown(delivery.seq());
				}
				else {
					this.intents.resolved(delivery.seq());
				}
			}
		}
		return result;
	}

	private PostResult send(Subscription subscription, String channel, PendingPost delivery) {
		IncidentView view = delivery.view();
		String clientId = PostIntent.clientId(subscription.id(), view.updateId());
		Optional<SlackThread> thread = this.threads.find(subscription.id(), view.feedId(), view.incidentCode());
		String threadTs = thread.map(SlackThread::ts).orElse(null);
		if (threadTs == null) {
			switch (openedEarlier(subscription, channel, view, delivery.seq())) {
				case SlackLookup.Found found -> threadTs = found.ts();
				case SlackLookup.Failed failed -> {
					return failed.failure();
				}
				case SlackLookup.NotFound notFound -> {
					return postParent(subscription, channel, delivery, clientId);
				}
			}
		}
		this.intents.record(new PostIntent(delivery.seq(), clientId, PostIntent.Kind.REPLY, channel, threadTs,
				this.clock.instant()));
		PostResult result = this.slack.postReply(channel, threadTs, view,
				view.resolved() && this.properties.broadcastResolved(), clientId);
		if (result instanceof PostResult.Posted) {
			this.threads.want(subscription.id(), view);
		}
		return result;
	}

	private PostResult postParent(Subscription subscription, String channel, PendingPost delivery, String clientId) {
		IncidentView view = delivery.view();
		this.intents.record(
				new PostIntent(delivery.seq(), clientId, PostIntent.Kind.PARENT, channel, null, this.clock.instant()));
		PostResult result = this.slack.postParent(channel, view, clientId);
		if (result instanceof PostResult.Posted(String ts) && ts != null) {
			this.threads.started(subscription.id(), view, channel, ts);
		}
		return result;
	}

	/**
	 * A parent of this incident that an earlier delivery posted with an unknown outcome
	 * (that delivery then failed, so this one is the head now): if Slack has it, it is
	 * the thread, and that delivery was sent after all.
	 */
	private SlackLookup openedEarlier(Subscription subscription, String channel, IncidentView view, long seq) {
		for (PostIntent parent : this.intents.unresolvedParents(subscription.id(), view.feedId(), view.incidentCode(),
				seq)) {
			SlackLookup lookup = lookUp(parent);
			switch (lookup) {
				case SlackLookup.Found found -> {
					adoptParent(subscription, view, channel, found.ts());
					this.ledger.sent(parent.seq(), this.clock.instant());
					this.intents.resolved(parent.seq());
					return lookup;
				}
				case SlackLookup.Failed failed -> {
					return lookup;
				}
				case SlackLookup.NotFound notFound -> {
					// that parent was never posted: its delivery stays as it is
				}
			}
		}
		return new SlackLookup.NotFound();
	}

	private PostResult adopt(Subscription subscription, IncidentView view, PostIntent intent, String ts) {
		String channel = (intent.channel() != null) ? intent.channel() : "";
		if (intent.kind() == PostIntent.Kind.PARENT) {
			this.threads.started(subscription.id(), view, channel, ts);
		}
		else {
			this.threads.want(subscription.id(), view);
		}
		this.intents.resolved(intent.seq());
		return new PostResult.Posted(ts);
	}

	/**
	 * The parent found shows an earlier update's status, not this one's: recorded as
	 * showing none, so the reply that follows makes its edit due.
	 */
	private void adoptParent(Subscription subscription, IncidentView view, String channel, String ts) {
		this.threads.started(
				subscription.id(), new IncidentView(view.updateId(), view.feedId(), view.incidentCode(), view.title(),
						view.link(), "", view.text(), view.impact(), view.components(), view.postedAt(), view.change()),
				channel, ts);
	}

	private SlackLookup lookUp(PostIntent intent) {
		String channel = (intent.channel() != null) ? intent.channel() : "";
		return this.slack.find(channel, intent.threadTs(), intent.clientId(),
				intent.recordedAt().minus(this.properties.lookupMargin()));
	}

}
