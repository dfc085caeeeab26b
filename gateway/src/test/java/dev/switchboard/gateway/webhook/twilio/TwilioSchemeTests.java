package dev.switchboard.gateway.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeFixtures;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.TwilioSignature;
import org.junit.jupiter.api.Test;

class TwilioSchemeTests {

	private static final String AUTH_TOKEN = "12345";

	private static final byte[] FORM = "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&Digits=1234&From=%2B12349013030&To=%2B18005551212"
		.getBytes(StandardCharsets.US_ASCII);

	private static final String VECTOR = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

	@Test
	void verifiesThePublishedVectorAgainstTheConfiguredPublicUrl() {
		TwilioScheme scheme = schemeBehind("https://mycompany.com");

		assertThat(TwilioSignature.sign(AUTH_TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2",
				TwilioScheme.formParameters(FORM)))
			.isEqualTo(VECTOR);
		assertThat(scheme.check(request("/myapp.php?foo=1&bar=2", VECTOR, "call-status-token")))
			.as("signature verified; the vector's form is no status callback")
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	@Test
	void rebuildsTheUrlFromThePublicBaseUrlNeverFromTheHostHeader() {
		WebhookRequest proxied = new WebhookRequest(
				Map.of("X-Twilio-Signature", VECTOR, "Host", "10.0.0.7:8080", "I-Twilio-Idempotency-Token", "t-1"),
				FORM, "/myapp.php?foo=1&bar=2", null);

		assertThat(schemeBehind("https://mycompany.com").check(proxied))
			.as("signature verified; the vector's form is no status callback")
			.isInstanceOf(SchemeVerdict.Malformed.class);
		assertThat(schemeBehind("http://10.0.0.7:8080").check(proxied)).isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesParametersChangedAfterSigning() {
		byte[] changed = new String(FORM, StandardCharsets.US_ASCII).replace("Digits=1234", "Digits=9999")
			.getBytes(StandardCharsets.US_ASCII);

		assertThat(schemeBehind("https://mycompany.com")
			.check(new WebhookRequest(Map.of("X-Twilio-Signature", VECTOR, "I-Twilio-Idempotency-Token", "t-1"),
					changed, "/myapp.php?foo=1&bar=2", null)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesTheVectorWithOtherUnusedBitsInItsLastBase64Digit() {
		assertThat(schemeBehind("https://mycompany.com")
			.check(request("/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgR=", "t-1")))
			.as("decodes to the same bytes, but Twilio never sends that spelling")
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void tellsRecordingCallbacksFromCallStatusCallbacks() {
		byte[] recording = "CallSid=CA1&RecordingSid=RE1&RecordingStatus=completed&RecordingUrl=https%3A%2F%2Fapi.twilio.com%2FRE1"
			.getBytes(StandardCharsets.US_ASCII);
		String signature = TwilioSignature.sign(AUTH_TOKEN, "https://mycompany.com/webhooks/twilio",
				TwilioScheme.formParameters(recording));

		SchemeVerdict verdict = schemeBehind("https://mycompany.com/")
			.check(new WebhookRequest(Map.of("X-Twilio-Signature", signature, "I-Twilio-Idempotency-Token", "rec-1"),
					recording, "/webhooks/twilio", null));

		assertThat(verdict).isEqualTo(
				new SchemeVerdict.Verified("rec-1", "recording-status", Map.of("i-twilio-idempotency-token", "rec-1")));
	}

	@Test
	void signedButWithoutTheIdempotencyTokenIsMalformed() {
		assertThat(schemeBehind("https://mycompany.com")
			.check(new WebhookRequest(Map.of("X-Twilio-Signature", VECTOR), FORM, "/myapp.php?foo=1&bar=2", null)))
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	private static TwilioScheme schemeBehind(String publicBaseUrl) {
		return new TwilioScheme(SchemeFixtures.only("twilio", SchemeFixtures.secrets(AUTH_TOKEN, null)),
				SchemeFixtures.gateway(publicBaseUrl));
	}

	private static WebhookRequest request(String pathAndQuery, String signature, String token) {
		return new WebhookRequest(Map.of("X-Twilio-Signature", signature, "I-Twilio-Idempotency-Token", token), FORM,
				pathAndQuery, null);
	}

}
