package dev.switchboard.statuspage.posting.slack;

import static dev.switchboard.statuspage.posting.PostingFixtures.NOW;
import static dev.switchboard.statuspage.posting.PostingFixtures.post;
import static dev.switchboard.statuspage.posting.PostingFixtures.subscription;
import static dev.switchboard.statuspage.posting.PostingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.InMemoryPostIntents;
import dev.switchboard.statuspage.posting.InMemoryPostLedger;
import dev.switchboard.statuspage.posting.PendingPost;
import dev.switchboard.statuspage.posting.PostIntent;
import dev.switchboard.statuspage.posting.PostResult;
import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Slack's posting decisions against in-memory fakes: the first update opens the thread,
 * later ones reply in it, and a post whose outcome is unknown is looked up before it is
 * ever posted again.
 */
class SlackChannelPosterTests {

	private static final String CHANNEL = "C0123ABCD";

	private final FakeSlack slack = new FakeSlack();

	private final InMemoryPostIntents intents = new InMemoryPostIntents();

	private final InMemoryPostLedger ledger = new InMemoryPostLedger();

	private final SlackChannelPoster poster = poster("xoxb-test");

	private final Subscription subscription = subscription(new Channel.Slack(CHANNEL));

	@Test
	void opensTheIncidentsThreadWithItsFirstUpdate() {
		PendingPost first = this.ledger.add(post(1, this.subscription, view("abc", "investigating", null))).post;

		PostResult result = this.poster.post(this.subscription, first);

		assertThat(result).isInstanceOf(PostResult.Posted.class);
		assertThat(this.slack.methods()).containsExactly("postParent");
		assertThat(this.slack.threads).hasSize(1);
		assertThat(this.intents.recorded).extracting(PostIntent::kind).containsExactly(PostIntent.Kind.PARENT);
		assertThat(this.intents.intents).isEmpty();
	}

	@Test
	void repliesInTheThreadTheIncidentAlreadyHas() {
		this.poster.post(this.subscription, post(1, this.subscription, view("abc", "investigating", null)));
		String parentTs = this.slack.threads.values().iterator().next().ts();

		this.poster.post(this.subscription, post(2, this.subscription, view("abc", "identified", null)));

		assertThat(this.slack.calls).last().satisfies((call) -> {
			assertThat(call.method()).isEqualTo("postReply");
			assertThat(call.threadTs()).isEqualTo(parentTs);
		});
		assertThat(this.slack.threads).hasSize(1);
		assertThat(this.slack.wanted).containsValue("identified");
	}

	@Test
	void keepsTheIntentOfAPostWhoseOutcomeIsUnknown() {
		this.slack.scripted.add(new PostResult.Unknown("slack internal_error"));

		PostResult result = this.poster.post(this.subscription,
				post(1, this.subscription, view("abc", "investigating", null)));

		assertThat(result).isInstanceOf(PostResult.Unknown.class);
		assertThat(this.intents.states).containsEntry(1L, "unknown");
	}

	@Test
	void doesNotPostAgainWhatTheLookupFindsAndMakesAFoundParentTheThread() {
		IncidentView update = view("abc", "investigating", null);
		this.slack.inChannel.put(PostIntent.clientId(this.subscription.id(), update.updateId()), "1.000100");
		this.intents.record(new PostIntent(1, PostIntent.clientId(this.subscription.id(), update.updateId()),
				PostIntent.Kind.PARENT, CHANNEL, null, NOW.minusSeconds(30)));

		PostResult result = this.poster.post(this.subscription, post(1, this.subscription, update));

		assertThat(result).isEqualTo(new PostResult.Posted("1.000100"));
		assertThat(this.slack.methods()).containsExactly("find");
		assertThat(this.slack.threads.values()).extracting(SlackThread::ts).containsExactly("1.000100");
		assertThat(this.intents.intents).isEmpty();
	}

	@Test
	void postsAgainOnceWhenTheLookupDoesNotFindThePost() {
		IncidentView update = view("abc", "investigating", null);
		this.intents.record(new PostIntent(1, PostIntent.clientId(this.subscription.id(), update.updateId()),
				PostIntent.Kind.PARENT, CHANNEL, null, NOW.minusSeconds(30)));

		PostResult result = this.poster.post(this.subscription, post(1, this.subscription, update));

		assertThat(result).isInstanceOf(PostResult.Posted.class);
		assertThat(this.slack.methods()).containsExactly("find", "postParent");
	}

	@Test
	void postsNothingWhileSlackCannotBeAskedAboutAnUnknownPost() {
		IncidentView update = view("abc", "investigating", null);
		this.intents.record(new PostIntent(1, PostIntent.clientId(this.subscription.id(), update.updateId()),
				PostIntent.Kind.PARENT, CHANNEL, null, NOW.minusSeconds(30)));
		FakeSlack unreachable = new FakeSlack() {
			@Override
			public SlackLookup find(String channel, @Nullable String threadTs, String clientId,
					java.time.Instant since) {
				return new SlackLookup.Failed(new PostResult.Transient("slack lookup ConnectException"));
			}
		};
		SlackChannelPoster poster = new SlackChannelPoster(unreachable, unreachable, unreachable, this.intents,
				this.ledger, properties("xoxb-test"), Clock.fixed(NOW, ZoneOffset.UTC));

		PostResult result = poster.post(this.subscription, post(1, this.subscription, update));

		assertThat(result).isEqualTo(new PostResult.Transient("slack lookup ConnectException"));
		assertThat(unreachable.calls).isEmpty();
	}

	@Test
	void adoptsTheParentOfAFailedEarlierPostInsteadOfOpeningASecondThread() {
		IncidentView opened = view("abc", "investigating", null);
		this.ledger.add(post(1, this.subscription, opened)).state = "failed";
		String parentClientId = PostIntent.clientId(this.subscription.id(), opened.updateId());
		this.intents.record(new PostIntent(1, parentClientId, PostIntent.Kind.PARENT, CHANNEL, null, NOW));
		this.intents.unknown(1);
		this.slack.inChannel.put(parentClientId, "1.000100");

		PostResult result = this.poster.post(this.subscription,
				post(2, this.subscription, view("abc", "identified", null)));

		assertThat(result).isInstanceOf(PostResult.Posted.class);
		assertThat(this.slack.methods()).containsExactly("find", "postReply");
		assertThat(this.slack.calls.get(1).threadTs()).isEqualTo("1.000100");
		assertThat(this.ledger.row(1).state).isEqualTo("sent");
	}

	@Test
	void refusesToPostWhileSlackIsNotConfigured() {
		SlackChannelPoster unconfigured = poster("");

		PostResult result = unconfigured.post(this.subscription,
				post(1, this.subscription, view("abc", "investigating", null)));

		assertThat(result).isEqualTo(new PostResult.ChannelBroken("slack-not-configured"));
		assertThat(this.slack.calls).isEmpty();
	}

	@Test
	void takesAndGivesBackWorkspaceSlots() throws InterruptedException {
		this.poster.awaitSlot();
		assertThat(this.slack.messageSlots).isEqualTo(-1);
		this.poster.returnSlot();
		assertThat(this.slack.messageSlots).isZero();
	}

	private SlackChannelPoster poster(String botToken) {
		return new SlackChannelPoster(this.slack, this.slack, this.slack, this.intents, this.ledger,
				properties(botToken), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	static SlackProperties properties(String botToken) {
		return new SlackProperties(URI.create("https://slack.example.com/api"), botToken, Duration.ofSeconds(5),
				Duration.ofSeconds(10), false, Duration.ofSeconds(1), 600, 45, 3, Duration.ofMillis(10),
				Duration.ofMinutes(5));
	}

}
