package dev.switchboard.statuspage.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.statuspage.posting.InMemorySubscriptions;
import dev.switchboard.statuspage.posting.PostHistory.Intent;
import dev.switchboard.statuspage.posting.PostHistory.PostRecord;
import dev.switchboard.statuspage.posting.PostingFixtures;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Where each post stands, as the timeline words it: the states the integration test
 * cannot hold still (an intent in flight, an unknown outcome, a failing subscription).
 */
class PostEntriesTests {

	private static final Instant QUEUED = PostingFixtures.NOW;

	private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();

	private final PostEntries entries = new PostEntries(this.subscriptions);

	@Test
	void opensTheSlackThreadWithTheFirstPostSentAndRepliesWithTheLaterOnesWhateverCameBefore() {
		Subscription slack = subscribe(new Channel.Slack("C0123ABCD"));
		List<TimelineEntry> timeline = this.entries.of(List.of(
				record(1, slack, "investigating", "failed", 1, "slack HTTP 400", null, QUEUED.plusSeconds(1), null),
				record(2, slack, "identified", "sent", 1, null, QUEUED.plusSeconds(60), null, null),
				record(3, slack, "resolved", "sent", 1, null, QUEUED.plusSeconds(120), null, null)));

		assertThat(timeline).extracting(TimelineEntry::kind).containsExactly("post.failed", "post.sent", "post.sent");
		assertThat(timeline.get(0).summary())
			.isEqualTo("'Acme' (Slack C0123ABCD): Investigating failed for good after 1 attempt: slack HTTP 400");
		assertThat(timeline.get(0).at()).isEqualTo(QUEUED.plusSeconds(1));
		assertThat(timeline.get(1).summary()).endsWith("Identified posted, opening the incident's thread");
		assertThat(timeline.get(2).summary()).endsWith("Resolved posted as a reply in the incident's thread");
		assertThat(timeline).extracting(TimelineEntry::ref).containsOnly(slack.id().toString());
	}

	@Test
	void tellsAPostUnderWayOrOfUnknownOutcomeFromOneWaitingToBeTriedAgain() {
		Subscription slack = subscribe(new Channel.Slack("C0123ABCD"));
		Instant intended = QUEUED.plusSeconds(5);
		List<TimelineEntry> timeline = this.entries.of(List.of(
				record(1, slack, "investigating", "pending", 0, null, null, null,
						new Intent("parent", "in_flight", intended)),
				record(2, slack, "identified", "pending", 1, "slack HTTP 503", null, QUEUED.plusSeconds(9),
						new Intent("reply", "unknown", intended)),
				record(3, slack, "monitoring", "pending", 2, "slack SocketTimeoutException", null,
						QUEUED.plusSeconds(30), null),
				record(4, slack, "resolved", "pending", 0, null, null, null, null)));

		assertThat(timeline).extracting(TimelineEntry::kind)
			.containsExactly("post.intended", "post.intended", "post.retrying", "post.queued");
		assertThat(timeline).extracting(TimelineEntry::outcome).containsOnly(TimelineEntry.PENDING);
		assertThat(timeline).extracting(TimelineEntry::at)
			.containsExactly(intended, intended, QUEUED.plusSeconds(30), QUEUED);
		assertThat(timeline.get(0).summary())
			.endsWith("Investigating being posted: intent recorded, outcome not known yet");
		assertThat(timeline.get(1).summary())
			.endsWith("Identified may have been posted (slack HTTP 503): looked up before it is posted again");
		assertThat(timeline.get(2).summary())
			.endsWith("Monitoring not posted yet, tried again later (slack SocketTimeoutException, 2 attempts so far)");
		assertThat(timeline.get(3).summary()).isEqualTo("'Acme' (Slack C0123ABCD): Resolved queued");
	}

	@Test
	void holdsThePostsOfAFailingOrPausedSubscriptionAndNeverShowsATeamsUrl() {
		Subscription teams = subscribe(
				new Channel.Teams("https://acme.example.com/workflows/1/invoke?api-version=1&sig=s3cr3t"));
		this.subscriptions.changeState(teams.id(), SubscriptionState.FAILING, "teams-http-404", QUEUED);
		Subscription paused = subscribe(new Channel.Webhook("https://hooks.example.com/in", "whsec_secret"));
		this.subscriptions.changeState(paused.id(), SubscriptionState.PAUSED, null, QUEUED);
		List<TimelineEntry> timeline = this.entries.of(List.of(
				record(1, teams, "investigating", "unknown", 1, "teams outcome unknown: HTTP 504", null,
						QUEUED.plusSeconds(3), null),
				record(2, teams, "resolved", "pending", 0, null, null, null, null),
				record(3, paused, "resolved", "pending", 0, null, null, null, null)));

		assertThat(timeline).extracting(TimelineEntry::kind)
			.containsExactly("post.unknown", "post.waiting", "post.waiting");
		assertThat(timeline.get(0).outcome()).isEqualTo(TimelineEntry.FAILED);
		assertThat(timeline.get(0).summary()).isEqualTo("'Acme' (Teams): Investigating may or may not have arrived "
				+ "(teams outcome unknown: HTTP 504): look in the channel, then send it again if it is missing");
		assertThat(timeline.get(1).summary())
			.isEqualTo("'Acme' (Teams): Resolved held while the subscription is failing (teams-http-404)");
		assertThat(timeline.get(2).summary())
			.isEqualTo("'Acme' (webhook): Resolved held while the subscription is paused");
		assertThat(timeline).extracting(TimelineEntry::summary)
			.noneMatch((summary) -> summary.contains("s3cr3t") || summary.contains("example.com"));
	}

	private Subscription subscribe(Channel channel) {
		Subscription subscription = PostingFixtures.subscription(channel);
		this.subscriptions.add(subscription, QUEUED);
		return subscription;
	}

	private static PostRecord record(long seq, Subscription subscription, String status, String state, int attempts,
			@Nullable String lastError, @Nullable Instant sentAt, @Nullable Instant lastAttemptAt,
			@Nullable Intent intent) {
		String change = "investigating".equals(status) ? "opened" : "resolved".equals(status) ? "resolved" : "updated";
		return new PostRecord(seq, subscription.id(), PostingFixtures.FEED, status, change, state, attempts, lastError,
				QUEUED, sentAt, lastAttemptAt, intent);
	}

}
