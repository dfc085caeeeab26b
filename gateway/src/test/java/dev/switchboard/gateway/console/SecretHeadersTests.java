package dev.switchboard.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretHeadersTests {

	@Test
	void masksSignaturesAuthorizationTokensSecretsAndCookiesWhateverTheirCase() {
		Map<String, String> shown = SecretHeaders.masked(Map.of("X-Hub-Signature-256", "sha256=abc", "Authorization",
				"Bearer k", "X-Twilio-Signature", "sig", "webhook-signature", "v1,abc", "X-Api-Key", "k",
				"X-Auth-Token", "t", "Cookie", "c", "X-Webhook-Secret", "s", "X-GitHub-Event", "issues"));

		assertThat(shown).containsEntry("X-GitHub-Event", "issues");
		shown.forEach((name, value) -> {
			if (!name.equals("X-GitHub-Event")) {
				assertThat(value).as(name).isEqualTo(SecretHeaders.MASK);
			}
		});
	}

	@Test
	void showsIdsAndTimesThatAreNamedLikeSecrets() {
		Map<String, String> shown = SecretHeaders.masked(Map.of("i-twilio-idempotency-token", "CA1-completed",
				"x-zendesk-webhook-signature-timestamp", "2026-11-23T10:00:00Z"));

		assertThat(shown).containsEntry("i-twilio-idempotency-token", "CA1-completed")
			.containsEntry("x-zendesk-webhook-signature-timestamp", "2026-11-23T10:00:00Z");
	}

}
