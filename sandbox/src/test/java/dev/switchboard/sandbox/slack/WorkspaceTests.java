package dev.switchboard.sandbox.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final Workspace slack = new Workspace(this.clock);

	@Test
	void refusesASecondPostToTheSameChannelWithinASecond() {
		assertThat(this.slack.post("C1", null, "Investigating")).isInstanceOf(PostOutcome.Posted.class);
		this.clock.advance(Duration.ofMillis(300));

		assertThat(this.slack.post("C1", null, "Identified"))
			.isEqualTo(new PostOutcome.RateLimited(Duration.ofSeconds(1)));
		assertThat(this.slack.post("C2", null, "Investigating")).isInstanceOf(PostOutcome.Posted.class);

		this.clock.advance(Duration.ofMillis(700));
		assertThat(this.slack.post("C1", null, "Identified")).isInstanceOf(PostOutcome.Posted.class);
		assertThat(this.slack.messages()).extracting(Message::text)
			.containsExactly("Investigating", "Investigating", "Identified");
	}

	@Test
	void threadsARepliesUnderItsParentsTs() {
		PostOutcome.Posted parent = (PostOutcome.Posted) this.slack.post("C1", null, "Incident");
		this.clock.advance(Duration.ofSeconds(1));

		PostOutcome.Posted reply = (PostOutcome.Posted) this.slack.post("C1", parent.message().ts(), "Update");

		assertThat(reply.message().threadTs()).isEqualTo(parent.message().ts());
		assertThat(Double.parseDouble(reply.message().ts())).isGreaterThan(Double.parseDouble(parent.message().ts()));
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
