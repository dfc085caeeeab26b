package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallEventJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void roundTripsACallUpdateWithItsTypeName() {
		CallEvent event = new CallUpdated(1, UUID.randomUUID(), "corr-1", "CA0123456789abcdef0123456789abcdef", "35436",
				"inbound", "completed", Instant.parse("2026-11-23T10:00:00Z"), 42, 7, false,
				"https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1");

		String text = this.json.writerFor(CallEvent.class).writeValueAsString(event);

		assertThat(text).contains("\"type\":\"call-updated\"");
		assertThat(this.json.readValue(text, CallEvent.class)).isEqualTo(event);
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		String text = """
				{"type":"call-logged","schemaVersion":2,"eventId":"6b1d5c8e-1f7e-4f7a-9a37-1b2c3d4e5f60",
				 "correlationId":"c","callSid":"CA1","direction":"inbound","status":"ringing",
				 "occurredAt":"2026-11-23T10:00:00Z","missed":false,"future":"field"}
				""";

		CallEvent event = this.json.readValue(text, CallEvent.class);

		assertThat(event).isInstanceOf(CallLogged.class);
		assertThat(event.ticketId()).isNull();
	}

	@Test
	void refusesAnEventWithoutCallSidOrWithANegativeDuration() {
		// a null callSid can only come from the wire: the types keep it out of Java
		// callers
		ObjectNode withoutCallSid = (ObjectNode) this.json.valueToTree(new CallLogged(1, UUID.randomUUID(), "c", "CA1",
				null, "inbound", "ringing", Instant.now(), null, null, false, null));
		withoutCallSid.remove("callSid");
		assertThatExceptionOfType(JacksonException.class)
			.isThrownBy(() -> this.json.treeToValue(withoutCallSid, CallEvent.class))
			.havingRootCause()
			.isInstanceOf(NullPointerException.class)
			.withMessage("callSid is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new CallUpdated(1, UUID.randomUUID(), "c", "CA1", null,
				"inbound", "completed", Instant.now(), -1, null, false, null));
	}

}
