package dev.switchboard.gateway.webhook.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeFixtures;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatuspageSchemeTests {

	private static final byte[] INCIDENT = """
			{"meta":{"unsubscribe":"http://statustest.flyingkleinbrothers.com:5000/?unsubscribe=j0vqr9kl3513","documentation":"https://doers.statuspage.io/customer-notifications/webhooks/"},
			 "page":{"id":"j2mfxwj97wnj","status_indicator":"major","status_description":"Partial System Outage"},
			 "incident":{"id":"lbkhbwn21v5q","name":"Database latency","status":"monitoring","impact":"major",
			  "created_at":"2026-11-23T09:50:00.000Z","updated_at":"2026-11-23T10:05:00.000Z","shortlink":"http://stspg.io/803310a12",
			  "incident_updates":[
			   {"id":"k2fvz4b9yrp1","status":"monitoring","body":"A fix has been deployed.","created_at":"2026-11-23T10:05:00.000Z","display_at":"2026-11-23T10:05:00.000Z"},
			   {"id":"drfcwbnpxnr6","status":"investigating","body":"We are investigating.","created_at":"2026-11-23T09:50:00.000Z","display_at":"2026-11-23T09:50:00.000Z"}]}}
			"""
		.getBytes(StandardCharsets.UTF_8);

	private final StatuspageScheme scheme = new StatuspageScheme(
			SchemeFixtures.only("statuspage",
					SchemeFixtures.secrets("path-token-0123456789abcdefghijklm", "old-token-0123456789abcdefghijklmn")),
			JsonMapper.builder().build());

	@Test
	void acceptsTheTokenInThePathAndKeysTheDeliveryByTheNewestUpdate() {
		assertThat(this.scheme.check(request("path-token-0123456789abcdefghijklm", INCIDENT)))
			.isEqualTo(new SchemeVerdict.Verified("k2fvz4b9yrp1", "incident", Map.of()));
		assertThat(this.scheme.check(request("old-token-0123456789abcdefghijklmn", INCIDENT)))
			.isInstanceOf(SchemeVerdict.Verified.class);
	}

	@Test
	void refusesAWrongOrMissingToken() {
		assertThat(this.scheme.check(request("path-token-0123456780", INCIDENT)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(this.scheme.check(request(null, INCIDENT))).isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void takesComponentUpdates() {
		byte[] component = """
				{"page":{"id":"j2mfxwj97wnj"},"component":{"id":"b13yz5g2cw10","name":"API","status":"major_outage"},
				 "component_update":{"id":"f7l4m9x2q1c8","old_status":"operational","new_status":"major_outage","created_at":"2026-11-23T10:00:00Z","component_id":"b13yz5g2cw10"}}
				"""
			.getBytes(StandardCharsets.UTF_8);

		assertThat(this.scheme.check(request("path-token-0123456789abcdefghijklm", component)))
			.isEqualTo(new SchemeVerdict.Verified("f7l4m9x2q1c8", "component", Map.of()));
	}

	@Test
	void aBodyThatIsNeitherIsMalformed() {
		assertThat(this.scheme
			.check(request("path-token-0123456789abcdefghijklm", "{\"page\":{}}".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	private static WebhookRequest request(@Nullable String token, byte[] body) {
		return new WebhookRequest(Map.of("Content-Type", "application/json"), body, "/webhooks/statuspage/x", token);
	}

}
