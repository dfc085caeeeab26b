package dev.switchboard.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox signs as the providers do: the test vectors of PROVIDERS.md, the ones the
 * gateway's scheme tests verify against.
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

	@Test
	void signsLikeTwilioOverTheUrlAndTheSortedParameters() {
		List<Map.Entry<String, String>> parameters = List.of(Map.entry("To", "+18005551212"),
				Map.entry("CallSid", "CA1234567890ABCDE"), Map.entry("Digits", "1234"),
				Map.entry("Caller", "+12349013030"), Map.entry("From", "+12349013030"));

		assertThat(TwilioWebhookSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters))
			.isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
	}

	@Test
	void signsLikeStandardWebhooks() {
		assertThat(StandardWebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

}
