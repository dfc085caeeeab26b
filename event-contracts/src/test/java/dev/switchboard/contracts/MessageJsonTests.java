package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class MessageJsonTests {

	private static final Instant CAUSED_AT = Instant.parse("2026-11-23T10:00:00Z");

	private static final UUID ID = UUID.fromString("7d0c4a52-5d2c-4bb5-9f36-0d0c8ae51a4e");

	/**
	 * Strict on purpose: the records themselves must ignore unknown fields, whatever the
	 * mapper says.
	 */
	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static List<TicketCommand> commands() {
		return List.of(AddInternalNote.of(ID, "corr-1", "35436", CAUSED_AT, "Linked to GitHub o/r#42 (open)"),
				AddPublicReply.of(ID, "corr-1", "35436", CAUSED_AT, "Join the session: https://example.test/j/1"),
				Reopen.of(ID, "corr-1", "35436", CAUSED_AT),
				SetField.of(ID, "corr-1", "35436", CAUSED_AT, "360001234", "closed"),
				SetField.of(ID, "corr-1", "35436", CAUSED_AT, "360001234", null),
				AddTags.of(ID, "corr-1", "35436", CAUSED_AT, List.of("issue-linked", "github")));
	}

	static List<TicketEvent> events() {
		Author author = new Author("9001", "Ada Agent", "ada@example.com", "+14155550100");
		return List.of(
				new NoteAdded(1, ID, "corr-2", "35436", CAUSED_AT, "c-77", "see https://github.com/o/r/issues/42",
						false, author, false),
				new StatusChanged(1, ID, "corr-2", "35436", CAUSED_AT, "solved", "open", "9001", true),
				new TicketFollowedUp(1, ID, "corr-2", "35436", CAUSED_AT, "35500"),
				new TicketChanged(1, ID, "corr-2", "35436", CAUSED_AT, TicketChanged.CREATED,
						"API returns 502 on every export", "Since 10:00 the export API fails.", "new", CAUSED_AT,
						false),
				new TicketChanged(1, ID, "corr-2", "35436", CAUSED_AT, TicketChanged.SUBJECT_CHANGED,
						"Dashboard is slow", "", null, null, true));
	}

	@ParameterizedTest
	@MethodSource("commands")
	void ticketCommandsSurviveAJsonRoundTripAsTheirOwnType(TicketCommand command) {
		String text = this.json.writeValueAsString(command);

		assertThat(this.json.readValue(text, TicketCommand.class)).isEqualTo(command);
	}

	@ParameterizedTest
	@MethodSource("events")
	void ticketEventsSurviveAJsonRoundTripAsTheirOwnType(TicketEvent event) {
		String text = this.json.writeValueAsString(event);

		assertThat(this.json.readValue(text, TicketEvent.class)).isEqualTo(event);
	}

	@Test
	void commandsNameTheirTypeAndCarryVersionIdAndCause() {
		ObjectNode node = (ObjectNode) this.json.valueToTree(Reopen.of(ID, "corr-1", "35436", CAUSED_AT));

		assertThat(node.get("type").asString()).isEqualTo("reopen");
		assertThat(node.get("schemaVersion").asInt()).isEqualTo(SchemaVersions.CURRENT);
		assertThat(node.get("commandId").asString()).isEqualTo(ID.toString());
		assertThat(node.get("causedAt").asString()).isEqualTo("2026-11-23T10:00:00Z");
	}

	@ParameterizedTest
	@MethodSource("commands")
	void commandsFromANewerProducerWithUnknownFieldsAreStillRead(TicketCommand command) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(command);
		node.put("priority", "urgent");
		node.putObject("futureBlock").put("nested", 1);

		assertThat(this.json.treeToValue(node, TicketCommand.class)).isEqualTo(command);
	}

	@ParameterizedTest
	@MethodSource("events")
	void eventsFromANewerProducerWithUnknownFieldsAreStillRead(TicketEvent event) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(event);
		node.put("channel", "email");
		if (node.get("author") instanceof ObjectNode author) {
			author.put("locale", "de");
		}

		assertThat(this.json.treeToValue(node, TicketEvent.class)).isEqualTo(event);
	}

	@Test
	void inboundDeliveryKeepsTheRawBodyBytesExactly() {
		byte[] body = "{\"action\":\"closed\",\"emoji\":\"\u2705\"}\r\n".getBytes(StandardCharsets.UTF_8);
		InboundDelivery delivery = InboundDelivery.of("corr-3", Provider.GITHUB, "issues",
				"72d3162e-cc78-11e3-81ab-4c9367dc0958", CAUSED_AT, Map.of("x-github-event", "issues"), body);

		ObjectNode node = (ObjectNode) this.json.valueToTree(delivery);
		node.put("bodyReference", "future-field");
		InboundDelivery read = this.json.treeToValue(node, InboundDelivery.class);

		assertThat(read).isEqualTo(delivery);
		assertThat(read.body()).containsExactly(body);
		assertThat(read.routingKey()).isEqualTo("github.issues");
	}

	@Test
	void inboundDeliveryIdIsTheSameForTheSameProviderDelivery() {
		assertThat(InboundDelivery.idOf("github", "d-1")).isEqualTo(InboundDelivery.idOf("github", "d-1"))
			.isNotEqualTo(InboundDelivery.idOf("github", "d-2"))
			.isNotEqualTo(InboundDelivery.idOf("jira", "d-1"));
	}

	@Test
	void inboundDeliveryNeverPrintsItsBody() {
		InboundDelivery delivery = InboundDelivery.of("corr-3", Provider.GITHUB, "issues", "d-1", CAUSED_AT,
				Map.of("x-hub-signature-256", "sha256=abc"), "secret customer text".getBytes(StandardCharsets.UTF_8));

		assertThat(delivery.toString()).doesNotContain("secret customer text").doesNotContain("sha256=abc");
	}

	@Test
	void blankNotesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AddInternalNote.of(ID, "c", "1", CAUSED_AT, " "));
		assertThatIllegalArgumentException().isThrownBy(() -> AddTags.of(ID, "c", "1", CAUSED_AT, List.of()));
	}

}
