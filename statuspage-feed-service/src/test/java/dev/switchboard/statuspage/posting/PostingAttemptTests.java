package dev.switchboard.statuspage.posting;

import static dev.switchboard.statuspage.posting.PostingFixtures.NOW;
import static dev.switchboard.statuspage.posting.PostingFixtures.post;
import static dev.switchboard.statuspage.posting.PostingFixtures.subscription;
import static dev.switchboard.statuspage.posting.PostingFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import org.junit.jupiter.api.Test;

/**
 * The decisions of one posting attempt against in-memory fakes of its ports: the ledger,
 * the subscriptions and a scripted channel.
 */
class PostingAttemptTests {

	private static final String DESTINATION = "teams:sha256:abc";

	private final InMemoryPostLedger ledger = new InMemoryPostLedger();

	private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();

	private final ScriptedChannelPoster teams = new ScriptedChannelPoster("teams", Duration.ofMillis(250), false);

	private final ScriptedChannelPoster slack = new ScriptedChannelPoster("slack", Duration.ofSeconds(1), true);

	private final PostingProperties properties = new PostingProperties(Duration.ofMillis(250), 16,
			Duration.ofMillis(250), Duration.ofMillis(100), 3, Duration.ofSeconds(10), Duration.ofMinutes(15));

	private final PostingAttempt attempt = new PostingAttempt(this.ledger, this.subscriptions,
			new ChannelPosters(List.of(this.teams, this.slack)), this.properties, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void marksAPostSentAndPacesItsDestinationOneIntervalAfterTheAnswer() {
		long seq = queue(teamsSubscription(), 0);
		this.teams.answers(new PostResult.Posted(null));

		assertThat(attempt(seq)).contains("sent");
		assertThat(this.ledger.row(seq).state).isEqualTo("sent");
		assertThat(this.ledger.destinationPace).containsEntry(DESTINATION, NOW.plusMillis(250));
	}

	@Test
	void postsNothingWhenAnotherInstanceHoldsTheDestination() {
		long seq = queue(teamsSubscription(), 0);
		this.ledger.heldElsewhere.add(DESTINATION);

		assertThat(attempt(seq)).isEmpty();
		assertThat(this.teams.posted).isEmpty();
		assertThat(this.ledger.row(seq).state).isEqualTo("pending");
	}

	@Test
	void postsNothingTwiceWhenAnotherInstanceClaimedTheRow() {
		long seq = queue(teamsSubscription(), 0);
		this.ledger.claimedElsewhere.add(seq);

		assertThat(attempt(seq)).isEmpty();
		assertThat(this.teams.posted).isEmpty();
	}

	@Test
	void postsNothingForAPausedSubscription() {
		Subscription paused = teamsSubscription();
		long seq = queue(paused, 0);
		this.subscriptions.changeState(paused.id(), SubscriptionState.PAUSED, null, NOW);

		assertThat(attempt(seq)).isEmpty();
		assertThat(this.teams.posted).isEmpty();
		assertThat(this.ledger.row(seq).state).isEqualTo("pending");
	}

	@Test
	void skipsAnUpdateThatAffectsNoSubscribedComponent() {
		Subscription billingOnly = subscription(new Channel.Teams("https://teams.example.com/wf"), "Billing");
		this.subscriptions.add(billingOnly, NOW);
		long seq = 1;
		this.ledger.add(post(seq, billingOnly, view("abc", "investigating", List.of("API"))));

		assertThat(attempt(seq)).contains(PostingAttempt.SKIPPED);
		assertThat(this.ledger.row(seq).state).isEqualTo("skipped");
		assertThat(this.teams.posted).isEmpty();
	}

	@Test
	void parksTheDestinationForARetryAfterLongerThanItsIntervalAndKeepsThePostDue() {
		long seq = queue(teamsSubscription(), 0);
		this.teams.answers(new PostResult.RetryAfter(Duration.ofSeconds(30), "teams 429"));

		assertThat(attempt(seq)).contains("rate-limited");
		assertThat(this.ledger.row(seq).state).isEqualTo("pending");
		assertThat(this.ledger.row(seq).attempts).isZero();
		assertThat(this.ledger.row(seq).lastError).isEqualTo("teams 429");
		assertThat(this.ledger.destinationPace).containsEntry(DESTINATION, NOW.plusSeconds(30));
	}

	@Test
	void marksTheSubscriptionFailingWhenTheChannelRefusesUsAndKeepsItsPostsPending() {
		Subscription subscription = teamsSubscription();
		long seq = queue(subscription, 0);
		this.teams.answers(new PostResult.ChannelBroken("teams-http-404"));

		assertThat(attempt(seq)).contains("channel-broken");
		Subscription stored = this.subscriptions.find(subscription.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(SubscriptionState.FAILING);
		assertThat(stored.failureReason()).isEqualTo("teams-http-404");
		assertThat(this.ledger.row(seq).state).isEqualTo("pending");
	}

	@Test
	void marksARejectedPostFailed() {
		long seq = queue(teamsSubscription(), 0);
		this.teams.answers(new PostResult.Rejected("teams HTTP 400"));

		assertThat(attempt(seq)).contains("rejected");
		assertThat(this.ledger.row(seq).state).isEqualTo("failed");
	}

	@Test
	void retriesATransientFailureAfterABackOffThatDoublesPerAttempt() {
		long seq = queue(teamsSubscription(), 1);
		this.teams.answers(new PostResult.Transient("teams HTTP 503"));

		assertThat(attempt(seq)).contains("transient-failure");
		assertThat(this.ledger.row(seq).state).isEqualTo("pending");
		assertThat(this.ledger.row(seq).nextAttemptAt).isEqualTo(NOW.plusSeconds(20));
	}

	@Test
	void capsTheBackOffAtItsLongestWait() {
		PostingAttempt patient = new PostingAttempt(this.ledger, this.subscriptions,
				new ChannelPosters(List.of(this.teams)),
				new PostingProperties(Duration.ofMillis(250), 16, Duration.ofMillis(250), Duration.ofMillis(100), 20,
						Duration.ofSeconds(10), Duration.ofSeconds(15)),
				Clock.fixed(NOW, ZoneOffset.UTC));
		long seq = queue(teamsSubscription(), 5);
		this.teams.answers(new PostResult.Transient("teams HTTP 503"));

		patient.attempt(new PostLedger.DueHead(seq, DESTINATION));

		assertThat(this.ledger.row(seq).nextAttemptAt).isEqualTo(NOW.plusSeconds(15));
	}

	@Test
	void marksAPostFailedWhenItsLastAttemptFailsTransiently() {
		long seq = queue(teamsSubscription(), 2);
		this.teams.answers(new PostResult.Transient("teams HTTP 503"));

		assertThat(attempt(seq)).contains("transient-failure");
		assertThat(this.ledger.row(seq).state).isEqualTo("failed");
		assertThat(this.ledger.row(seq).lastError).isEqualTo("teams HTTP 503");
	}

	@Test
	void leavesAnUnknownOutcomeToAnOperatorWhenTheChannelCannotBeAsked() {
		long seq = queue(teamsSubscription(), 0);
		this.teams.answers(new PostResult.Unknown("teams outcome unknown: HTTP 504"));

		assertThat(attempt(seq)).contains("unknown");
		assertThat(this.ledger.row(seq).state).isEqualTo("unknown");
	}

	@Test
	void triesAnUnknownOutcomeAgainLaterWhenTheChannelFindsItsPostsFirst() {
		Subscription subscription = subscription(new Channel.Slack("C0123ABCD"));
		this.subscriptions.add(subscription, NOW);
		this.ledger.add(post(7, subscription, view("abc", "investigating", null)));
		this.slack.answers(new PostResult.Unknown("slack SocketTimeoutException after sending"));

		assertThat(this.attempt.attempt(new PostLedger.DueHead(7, "slack:C0123ABCD"))).contains("reconciling");
		assertThat(this.ledger.row(7).state).isEqualTo("pending");
		assertThat(this.ledger.row(7).nextAttemptAt).isEqualTo(NOW.plusSeconds(10));
		assertThat(this.ledger.destinationPace).containsEntry("slack:C0123ABCD", NOW.plusSeconds(1));
	}

	private Subscription teamsSubscription() {
		Subscription subscription = subscription(new Channel.Teams("https://teams.example.com/wf?sig=s3cr3t"));
		this.subscriptions.add(subscription, NOW);
		return subscription;
	}

	private long queue(Subscription subscription, int attempts) {
		long seq = this.ledger.rows.size() + 1;
		InMemoryPostLedger.Row row = this.ledger.add(post(seq, subscription, view("abc", "investigating", null)));
		row.attempts = attempts;
		return seq;
	}

	private Optional<String> attempt(long seq) {
		return this.attempt.attempt(new PostLedger.DueHead(seq, DESTINATION));
	}

}
