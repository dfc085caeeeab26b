package dev.switchboard.gateway.webhook.remotesession;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeFixtures;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.StandardWebhookSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StandardWebhooksSchemeTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final long TIMESTAMP = 1614265330;

	private static final String VECTOR = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] SESSION_ENDED = ("{\"type\":\"session.ended\",\"providerSessionId\":\"s-42\","
			+ "\"occurredAt\":\"2021-02-25T15:02:10Z\",\"durationSeconds\":600}")
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void signsThePublishedVectorAndAcceptsItAtItsTime() {
		assertThat(StandardWebhookSignature.sign(SECRET, ID, TIMESTAMP, VECTOR_BODY)).isEqualTo(VECTOR);
		assertThat(schemeAt(TIMESTAMP + 299).check(request(VECTOR, TIMESTAMP, VECTOR_BODY)))
			.as("signature verified; the vector's body is no session event")
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	@Test
	void acceptsASessionEventAmongSeveralSignatures() {
		String signature = "v1,bm90IHRoaXMgb25l " + StandardWebhookSignature.sign(SECRET, ID, TIMESTAMP, SESSION_ENDED);

		assertThat(schemeAt(TIMESTAMP).check(request(signature, TIMESTAMP, SESSION_ENDED)))
			.isEqualTo(new SchemeVerdict.Verified(ID, "session.ended",
					Map.of("webhook-id", ID, "webhook-timestamp", "1614265330")));
	}

	@Test
	void refusesAStaleTimestampEvenWhenCorrectlySigned() {
		String signature = StandardWebhookSignature.sign(SECRET, ID, TIMESTAMP, SESSION_ENDED);

		assertThat(schemeAt(TIMESTAMP + 301).check(request(signature, TIMESTAMP, SESSION_ENDED)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesASignatureOverOtherBytes() {
		assertThat(schemeAt(TIMESTAMP).check(request(VECTOR, TIMESTAMP, SESSION_ENDED)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	private static StandardWebhooksScheme schemeAt(long epochSecond) {
		return new StandardWebhooksScheme(SchemeFixtures.only("remote-session", SchemeFixtures.secrets(SECRET, null)),
				JsonMapper.builder().build(), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
	}

	private static WebhookRequest request(String signature, long timestamp, byte[] body) {
		return new WebhookRequest(
				Map.of("webhook-id", ID, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature),
				body);
	}

}
