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

class SessionEventJsonTests {

	private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

	private static final UUID ID = UUID.fromString("0b7f4d3c-2f8e-4c1a-9d55-6a3e1f0b9c21");

	private static final UUID SESSION = UUID.fromString("5e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static List<SessionEvent> events() {
		return List.of(
				new SessionCreated(1, ID, "corr-1", SESSION, "35436", "teamviewer", AT, "s12-345-678",
						"ada@example.com", AT.plusSeconds(1800)),
				new SessionStarted(1, ID, "corr-1", SESSION, "35436", "teamviewer", AT, "s12-345-678",
						"ada@example.com", "LAPTOP-42"),
				new SessionEnded(1, ID, "corr-1", SESSION, "35436", "teamviewer", AT.plusSeconds(754), "s12-345-678",
						"ada@example.com", "ended", AT, 754L, "ended by the supporter", "https://rec.example/1"),
				new SessionEnded(1, ID, "corr-1", SESSION, "35436", "guacamole", AT, SESSION.toString(),
						"ada@example.com", "expired", null, null, "invitation expired", null));
	}

	@ParameterizedTest
	@MethodSource("events")
	void sessionEventsSurviveAJsonRoundTripAsTheirOwnType(SessionEvent event) {
		String text = this.json.writeValueAsString(event);

		assertThat(this.json.readValue(text, SessionEvent.class)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void sessionEventsFromANewerProducerWithUnknownFieldsAreStillRead(SessionEvent event) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(event);
		node.put("region", "eu");

		assertThat(this.json.treeToValue(node, SessionEvent.class)).isEqualTo(event);
	}

	@Test
	void sessionEventsNameTheirType() {
		ObjectNode node = (ObjectNode) this.json.valueToTree(events().get(2));

		assertThat(node.get("type").asString()).isEqualTo("session-ended");
		assertThat(node.get("eventId").asString()).isEqualTo(ID.toString());
	}

	@Test
	void anUnknownOutcomeOrANegativeDurationIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionEnded(1, ID, "c", SESSION, "1", "teamviewer",
				AT, "s1", "a@example.com", "vanished", null, null, "gone", null));
		assertThatIllegalArgumentException().isThrownBy(() -> new SessionEnded(1, ID, "c", SESSION, "1", "teamviewer",
				AT, "s1", "a@example.com", "ended", AT, -1L, "gone", null));
	}

}
