package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IssueEventJsonTests {

	private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

	private static final UUID ID = UUID.fromString("0b6b0c8e-3f53-4d3c-9d8e-6c1f0f1e2a11");

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static List<IssueEvent> events() {
		return List.of(
				IssueLinked.of(ID, "corr-1", "github", "444500041", AT, "35436", "o/r#42",
						"https://github.com/o/r/issues/42", "open"),
				IssueUnlinked.of(ID, "corr-1", "jira", "10001", AT, "35436"),
				IssueStateChanged.of(ID, "corr-1", "github", "444500041", AT, "o/r#42", "open", "closed", "completed",
						"octocat", 3),
				IssueStateChanged.of(ID, "corr-1", "jira", "10001", AT, "SUP-1", null, "Done", "completed", null, 0));
	}

	@ParameterizedTest
	@MethodSource("events")
	void issueEventsSurviveAJsonRoundTripAsTheirOwnType(IssueEvent event) {
		String text = this.json.writeValueAsString(event);

		assertThat(this.json.readValue(text, IssueEvent.class)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void issueEventsFromANewerProducerWithUnknownFieldsAreStillRead(IssueEvent event) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(event);
		node.put("addedLater", "x");

		assertThat(this.json.treeToValue(node, IssueEvent.class)).isEqualTo(event);
	}

	@Test
	void issueEventsNameTheirType() {
		ObjectNode node = (ObjectNode) this.json.valueToTree(IssueUnlinked.of(ID, "corr-1", "jira", "10001", AT, "1"));

		assertThat(node.get("type").asString()).isEqualTo("issue-unlinked");
		assertThat(node.get("schemaVersion").asInt()).isEqualTo(SchemaVersions.CURRENT);
	}

	@Test
	void refusesAStateChangeWithoutACategory() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> IssueStateChanged.of(ID, "corr-1", "github", "1", AT, "o/r#1", null, "closed", " ", null, 1));
	}

}
