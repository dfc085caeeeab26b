package dev.switchboard.gateway.webhook.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeFixtures;
import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.JiraSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JiraSchemeTests {

	private static final String SECRET = "jira-webhook-secret";

	private static final byte[] BODY = "{\"webhookEvent\":\"jira:issue_updated\",\"timestamp\":1795437600000}"
		.getBytes(StandardCharsets.UTF_8);

	/**
	 * Computed independently: printf '%s' "$BODY" | openssl dgst -sha256 -hmac
	 * jira-webhook-secret
	 */
	private static final String VECTOR = "sha256=17bfd7fb8409f19332f49a2d7a4dba9cd0489e29f8c121b5dfcd1726ef7f2d21";

	private final JiraScheme scheme = new JiraScheme(SchemeFixtures.only("jira", SchemeFixtures.secrets(SECRET, null)),
			JsonMapper.builder().build());

	@Test
	void verifiesTheSignatureComputedWithOpenssl() {
		assertThat(JiraSignature.sign(SECRET, BODY)).isEqualTo(VECTOR);
		assertThat(this.scheme.check(request("X-Hub-Signature", VECTOR, BODY)))
			.isEqualTo(new SchemeVerdict.Verified("c1f1a0e4-7f4b-4a53-9d8e-5c0a2b1d3e4f", "jira:issue_updated",
					Map.of("x-atlassian-webhook-identifier", "c1f1a0e4-7f4b-4a53-9d8e-5c0a2b1d3e4f")));
	}

	@Test
	void refusesGithubsHeaderNameEvenWithTheRightSignature() {
		assertThat(this.scheme.check(request("X-Hub-Signature-256", VECTOR, BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesAWrongSignature() {
		assertThat(this.scheme.check(request("X-Hub-Signature", VECTOR.replace('1', '2'), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void signedButWithoutAWebhookEventIsMalformed() {
		byte[] body = "{\"timestamp\":1}".getBytes(StandardCharsets.UTF_8);

		assertThat(this.scheme.check(request("X-Hub-Signature", JiraSignature.sign(SECRET, body), body)))
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	private static WebhookRequest request(String header, String signature, byte[] body) {
		return new WebhookRequest(
				Map.of(header, signature, "X-Atlassian-Webhook-Identifier", "c1f1a0e4-7f4b-4a53-9d8e-5c0a2b1d3e4f"),
				body);
	}

}
