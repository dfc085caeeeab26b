package dev.switchboard.statuspage.posting.teams;

import java.time.Clock;
import java.time.Duration;

import dev.switchboard.statuspage.posting.ChannelPoster;
import dev.switchboard.statuspage.posting.PendingPost;
import dev.switchboard.statuspage.posting.PostIntent;
import dev.switchboard.statuspage.posting.PostIntents;
import dev.switchboard.statuspage.posting.PostResult;
import dev.switchboard.statuspage.posting.PostingProperties;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;

import org.springframework.stereotype.Component;

/**
 * Posts to Teams Workflows webhooks, one card per update. A Workflows webhook cannot be
 * asked what it received: a card whose outcome is unknown (or whose attempt was cut off
 * by a stopped process, which leaves its intent behind) is never posted again by itself,
 * for an operator to look at the channel and send it again if it is missing.
 */
@Component
class TeamsChannelPoster implements ChannelPoster {

	private final TeamsCards cards;

	private final PostIntents intents;

	private final Duration interval;

	private final Clock clock;

	TeamsChannelPoster(TeamsCards cards, PostIntents intents, PostingProperties properties, Clock clock) {
		this.cards = cards;
		this.intents = intents;
		this.interval = properties.teamsInterval();
		this.clock = clock;
	}

	@Override
	public String kind() {
		return "teams";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public boolean repeatsSafely() {
		return false;
	}

	@Override
	public PostResult post(Subscription subscription, PendingPost post) {
		if (!(subscription.channel() instanceof Channel.Teams(String webhookUrl))) {
			throw new IllegalArgumentException("Not a Teams subscription: " + subscription.id());
		}
		if (this.intents.find(post.seq()).isPresent()) {
			this.intents.resolved(post.seq());
			return new PostResult.Unknown("teams outcome unknown: the attempt was cut off during the post");
		}
		this.intents.record(new PostIntent(post.seq(), PostIntent.clientId(subscription.id(), post.view().updateId()),
				PostIntent.Kind.CARD, null, null, this.clock.instant()));
		PostResult result = this.cards.post(webhookUrl, post.view());
		this.intents.resolved(post.seq());
		return result;
	}

}
