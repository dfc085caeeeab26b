package dev.switchboard.gateway.webhook.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeFixtures;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.ZendeskSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ZendeskSchemeTests {

	private static final String SECRET = "dGhpcyBpcyBhIHNlY3JldA==";

	private static final String TIMESTAMP = "2026-11-23T10:00:00Z";

	private static final byte[] BODY = "{\"id\":\"01HZX\",\"type\":\"zen:event-type:ticket.comment_added\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final String VECTOR = "9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=";

	@Test
	void verifiesThePublishedVectorAtItsTime() {
		assertThat(ZendeskSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(VECTOR);
		assertThat(schemeAt("2026-11-23T10:04:59Z").check(request(VECTOR, TIMESTAMP)))
			.isEqualTo(new SchemeVerdict.Verified("01HZX", "zen:event-type:ticket.comment_added",
					Map.of("x-zendesk-webhook-signature-timestamp", TIMESTAMP)));
	}

	@Test
	void refusesATimestampMoreThanFiveMinutesAway() {
		assertThat(schemeAt("2026-11-23T10:05:01Z").check(request(VECTOR, TIMESTAMP)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(schemeAt("2026-11-23T09:54:59Z").check(request(VECTOR, TIMESTAMP)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesASignatureMadeForAnotherTimestamp() {
		assertThat(schemeAt("2026-11-23T10:00:00Z").check(request(VECTOR, "2026-11-23T10:00:01Z")))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesAMissingTimestamp() {
		assertThat(schemeAt(TIMESTAMP).check(new WebhookRequest(Map.of("X-Zendesk-Webhook-Signature", VECTOR), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	private static ZendeskScheme schemeAt(String now) {
		return new ZendeskScheme(SchemeFixtures.only("zendesk", SchemeFixtures.secrets(SECRET, null)),
				JsonMapper.builder().build(), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

	private static WebhookRequest request(String signature, String timestamp) {
		return new WebhookRequest(Map.of("X-Zendesk-Webhook-Signature", signature,
				"X-Zendesk-Webhook-Signature-Timestamp", timestamp, "X-Zendesk-Webhook-Id", "01HWEBHOOK"), BODY);
	}

}
