package dev.switchboard.sandbox.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox signs as the providers do: the test vectors of PROVIDERS.md, the ones the
 * gateway's {@code GithubSchemeTests} and {@code ZendeskSchemeTests} verify against.
 */
class WebhookSignatureTests {

	@Test
	void signsLikeGithub() {
		assertThat(GithubWebhookSignature.sign("It's a Secret to Everybody",
				"Hello, World!".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
	}

	@Test
	void signsLikeZendesk() {
		assertThat(ZendeskWebhookSignature.sign("dGhpcyBpcyBhIHNlY3JldA==", "2026-11-23T10:00:00Z",
				"{\"id\":\"01HZX\",\"type\":\"zen:event-type:ticket.comment_added\"}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=");
	}

}
