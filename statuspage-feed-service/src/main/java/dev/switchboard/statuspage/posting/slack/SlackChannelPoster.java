package dev.switchboard.statuspage.posting.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.switchboard.statuspage.posting.ChannelPoster;
import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PendingPost;
import dev.switchboard.statuspage.posting.PostIntent;
import dev.switchboard.statuspage.posting.PostIntents;
import dev.switchboard.statuspage.posting.PostLedger;
import dev.switchboard.statuspage.posting.PostResult;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Posts to Slack, one thread per incident, never twice: the intent is committed before
 * the call, and a post whose outcome is unknown (timeout, reset, 5xx, the process killed
 * before the attempt committed) is looked up by its client id before anything is posted
 * again. A parent found that way becomes the incident's thread, so a second thread is
 * never opened. Runs inside the attempt's transaction. Each channel takes one message per
 * {@code statuspage-feed.slack.channel-interval}, the workspace as a whole no more than
 * its budget ({@link SlackBudget}).
 */
@Component
class SlackChannelPoster implements ChannelPoster {

	private static final Logger log = LoggerFactory.getLogger(SlackChannelPoster.class);

	private final SlackMessages slack;

	private final SlackThreads threads;

	private final SlackBudget budget;

	private final PostIntents intents;

	private final PostLedger ledger;

	private final SlackProperties properties;

	private final Clock clock;

	SlackChannelPoster(SlackMessages slack, SlackThreads threads, SlackBudget budget, PostIntents intents,
			PostLedger ledger, SlackProperties properties, Clock clock) {
		this.slack = slack;
		this.threads = threads;
		this.budget = budget;
		this.intents = intents;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "slack";
	}

	@Override
	public Duration interval() {
		return this.properties.channelInterval();
	}

	@Override
	public void awaitSlot() throws InterruptedException {
		this.budget.awaitMessage();
	}

	@Override
	public void returnSlot() {
		this.budget.returnMessage();
	}

	/**
	 * A post whose outcome is unknown is looked up by its client id before it is sent
	 * again.
	 */
	@Override
	public boolean repeatsSafely() {
		return true;
	}

	@Override
	public PostResult post(Subscription subscription, PendingPost post) {
		if (!(subscription.channel() instanceof Channel.Slack(String channel))) {
			throw new IllegalArgumentException("Not a Slack subscription: " + subscription.id());
		}
		if (!this.properties.configured()) {
			return new PostResult.ChannelBroken("slack-not-configured");
		}
		IncidentView view = post.view();
		Optional<PostIntent> earlier = this.intents.find(post.seq());
		if (earlier.isPresent()) {
			switch (lookUp(earlier.get())) {
				case SlackLookup.Found found -> {
					log.info("Post {} was posted before its outcome was known ({}): not posted again", post.seq(),
							found.ts());
					return adopt(subscription, view, earlier.get(), found.ts());
				}
				case SlackLookup.Failed failed -> {
					return failed.failure();
				}
				case SlackLookup.NotFound notFound -> log.info("Post {} was not posted: posting it again", post.seq());
			}
		}
		PostResult result = send(subscription, channel, post);
		switch (result) {
			case PostResult.Posted posted -> this.intents.resolved(post.seq());
			case PostResult.Unknown unknown -> this.intents.unknown(post.seq());
			default -> {
				// certainly not posted now; an earlier unknown post is still looked up
				if (earlier.isPresent()) {
					this.intents.unknown(post.seq());
				}
				else {
					this.intents.resolved(post.seq());
				}
			}
		}
		return result;
	}

	private PostResult send(Subscription subscription, String channel, PendingPost post) {
		IncidentView view = post.view();
		String clientId = PostIntent.clientId(subscription.id(), view.updateId());
		Optional<SlackThread> thread = this.threads.find(subscription.id(), view.feedId(), view.incidentCode());
		String threadTs = thread.map(SlackThread::ts).orElse(null);
		if (threadTs == null) {
			switch (openedEarlier(subscription, channel, view, post.seq())) {
				case SlackLookup.Found found -> threadTs = found.ts();
				case SlackLookup.Failed failed -> {
					return failed.failure();
				}
				case SlackLookup.NotFound notFound -> {
					return postParent(subscription, channel, post, clientId);
				}
			}
		}
		this.intents.record(
				new PostIntent(post.seq(), clientId, PostIntent.Kind.REPLY, channel, threadTs, this.clock.instant()));
		PostResult result = this.slack.postReply(channel, threadTs, view,
				view.resolved() && this.properties.broadcastResolved(), clientId);
		if (result instanceof PostResult.Posted) {
			this.threads.want(subscription.id(), view);
		}
		return result;
	}

	private PostResult postParent(Subscription subscription, String channel, PendingPost post, String clientId) {
		IncidentView view = post.view();
		this.intents
			.record(new PostIntent(post.seq(), clientId, PostIntent.Kind.PARENT, channel, null, this.clock.instant()));
		PostResult result = this.slack.postParent(channel, view, clientId);
		if (result instanceof PostResult.Posted(String ts) && ts != null) {
			this.threads.started(subscription.id(), view, channel, ts);
		}
		return result;
	}

	/**
	 * A parent of this incident that an earlier post with an unknown outcome (its ledger
	 * row then failed, so this one is the head now): if Slack has it, it is the thread,
	 * and that row was sent after all.
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
					// that parent was never posted: its row stays as it is
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
		return this.slack.find(channel, intent.parentId(), intent.clientId(),
				intent.recordedAt().minus(this.properties.lookupMargin()));
	}

}
