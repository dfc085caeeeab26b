package dev.switchboard.sandbox.teams;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import dev.switchboard.sandbox.MovableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsChannelsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:41:00Z"));

	private final TeamsChannels teams = new TeamsChannels(JsonMapper.builder().build(), this.clock);

	private final Workflow workflow = this.teams.workflow("Hooli › Service status");

	@Test
	void postsACardSentWithTheWorkflowsSigToItsChannel() throws IOException {
		TeamsOutcome outcome = this.teams.receive(this.workflow.id(), this.workflow.sig(), card());

		assertThat(outcome).isInstanceOfSatisfying(TeamsOutcome.Accepted.class,
				(accepted) -> assertThat(accepted.post().card().summary()).contains("Identified"));
		assertThat(this.teams.byChannel().get("Hooli › Service status")).hasSize(1);
		assertThat(this.workflow.url("http://localhost:8090")).startsWith("http://localhost:8090/teams/workflows/")
			.endsWith("&sig=" + this.workflow.sig());
	}

	@Test
	void refusesAWrongSigAndAnUnknownWorkflow() throws IOException {
		assertThat(this.teams.receive(this.workflow.id(), "forged", card()))
			.isInstanceOf(TeamsOutcome.Unauthorized.class);
		assertThat(this.teams.receive("nope", this.workflow.sig(), card())).isInstanceOf(TeamsOutcome.NotFound.class);
		assertThat(this.teams.posts()).isEmpty();
	}

	@Test
	void answersTheFifthPostInASecond429AndTakesPostsAgainASecondLater() throws IOException {
		for (int i = 0; i < TeamsChannels.POSTS_PER_SECOND; i++) {
			assertThat(this.teams.receive(this.workflow.id(), this.workflow.sig(), card()))
				.isInstanceOf(TeamsOutcome.Accepted.class);
		}

		assertThat(this.teams.receive(this.workflow.id(), this.workflow.sig(), card()))
			.isEqualTo(new TeamsOutcome.RateLimited(Duration.ofSeconds(1)));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.teams.receive(this.workflow.id(), this.workflow.sig(), card()))
			.isInstanceOf(TeamsOutcome.Accepted.class);
	}

	@Test
	void refusesAMessageOver28Kilobytes() {
		byte[] large = new byte[TeamsChannels.MAX_BYTES + 1];
		Arrays.fill(large, (byte) ' ');

		assertThat(this.teams.receive(this.workflow.id(), this.workflow.sig(), large))
			.isEqualTo(new TeamsOutcome.TooLarge(TeamsChannels.MAX_BYTES + 1));
	}

	private byte[] card() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/teams/statuspage-feed-card.json")) {
			return in.readAllBytes();
		}
	}

}
