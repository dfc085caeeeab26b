package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class IncidentEventJsonTests {

	private static final Instant AT = Instant.parse("2026-11-23T10:09:00Z");

	private static final UUID ID = UUID.fromString("2f1d8c0e-0c55-4b39-9f0f-8f3d1c1c0a01");

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	static List<IncidentEvent> events() {
		return List.of(
				new IncidentOpened(1, ID, "corr-1", AT, "https://status.example.com/history.atom", "p3zrvw7mg8hd",
						"Elevated errors on the CDN", "investigating", "major", List.of("CDN", "API"),
						"https://status.example.com/incidents/p3zrvw7mg8hd", "We are investigating."),
				new IncidentUpdated(1, ID, "corr-1", AT, "https://status.example.com/history.atom", "p3zrvw7mg8hd",
						"Elevated errors on the CDN", "monitoring", null, List.of(), null, "A fix is in place."),
				new IncidentResolved(1, ID, "corr-1", AT, "https://status.example.com/history.atom", "p3zrvw7mg8hd",
						"Elevated errors on the CDN", "resolved", "none", List.of("CDN"), null, "Resolved."));
	}

	@ParameterizedTest
	@MethodSource("events")
	void incidentEventsSurviveAJsonRoundTripAsTheirOwnType(IncidentEvent event) {
		String text = this.json.writeValueAsString(event);

		assertThat(this.json.readValue(text, IncidentEvent.class)).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("events")
	void incidentEventsFromANewerProducerWithUnknownFieldsAreStillRead(IncidentEvent event) {
		ObjectNode node = (ObjectNode) this.json.valueToTree(event);
		node.put("severityScore", 7);

		assertThat(this.json.treeToValue(node, IncidentEvent.class)).isEqualTo(event);
	}

	@Test
	void incidentEventsNameTheirType() {
		ObjectNode node = (ObjectNode) this.json.valueToTree(events().get(2));

		assertThat(node.get("type").asString()).isEqualTo("incident-resolved");
		assertThat(node.get("eventId").asString()).isEqualTo(ID.toString());
	}

	@Test
	void refusesAnIncidentEventWithoutAnIncidentId() {
		// a null incidentId can only come from the wire: the types keep it out of Java
		// callers
		ObjectNode withoutIncidentId = (ObjectNode) this.json.valueToTree(events().get(1));
		withoutIncidentId.remove("incidentId");

		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.treeToValue(withoutIncidentId, IncidentEvent.class))
			.havingRootCause()
			.isInstanceOf(NullPointerException.class)
			.withMessage("incidentId is required");
	}

}
