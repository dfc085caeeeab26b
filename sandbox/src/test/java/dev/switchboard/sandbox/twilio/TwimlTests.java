package dev.switchboard.sandbox.twilio;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwimlTests {

	/** The TwiML crm-bridge's click-to-call sends with {@code Calls.json}. */
	private static final String CLICK_TO_CALL = "<Response><Dial callerId=\"+18005551212\" record=\"record-from-answer\""
			+ " recordingStatusCallback=\"http://localhost:8080/webhooks/twilio\"><Number statusCallbackEvent=\""
			+ "initiated ringing answered completed\" statusCallback=\"http://localhost:8080/webhooks/twilio\">"
			+ "+14155550123</Number></Dial></Response>";

	@Test
	void readsTheNumberItsCallbacksAndTheRecordingOfADial() {
		Twiml twiml = Twiml.read(CLICK_TO_CALL);

		assertThat(twiml)
			.isEqualTo(new Twiml("+14155550123", "+18005551212", URI.create("http://localhost:8080/webhooks/twilio"),
					Set.of("initiated", "ringing", "answered", "completed"), true,
					URI.create("http://localhost:8080/webhooks/twilio")));
	}

	@Test
	void dialsNobodyWithoutADial() {
		assertThat(Twiml.read("<Response><Say>Hello</Say></Response>")).isEqualTo(Twiml.NOTHING);
		assertThat(Twiml.read(null)).isEqualTo(Twiml.NOTHING);
	}

	@Test
	void refusesADoctype() {
		assertThatIllegalArgumentException().isThrownBy(() -> Twiml
			.read("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Response><Dial>&x;</Dial></Response>"));
	}

}
