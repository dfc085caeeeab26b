package dev.switchboard.sandbox.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.MovableClock;
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

	@Test
	void editsAMessageInPlaceKeepingItsTsAndMetadata() {
		Map<String, Object> metadata = Map.of("event_type", "switchboard_update", "event_payload",
				Map.of("delivery", "sb:1:2"));
		PostOutcome.Posted parent = (PostOutcome.Posted) this.slack.post("C1", null, new Post(
				"Incident – Investigating", List.of(Map.of("title", "Incident", "color", "#f2952f")), metadata));

		boolean edited = this.slack.update("C1", parent.message().ts(),
				new Post("Incident – Resolved", List.of(Map.of("title", "Incident", "color", "#2eb67d")), null));

		assertThat(edited).isTrue();
		assertThat(this.slack.messages("C1")).singleElement().satisfies((message) -> {
			assertThat(message.ts()).isEqualTo(parent.message().ts());
			assertThat(message.text()).isEqualTo("Incident – Resolved");
			assertThat(message.attachments()).singleElement()
				.satisfies((a) -> assertThat(a).containsEntry("color", "#2eb67d"));
			assertThat(message.metadata()).isEqualTo(metadata);
			assertThat(message.edited()).isTrue();
		});
		assertThat(this.slack.update("C1", "1.000001", "nothing there")).isFalse();
	}

}
