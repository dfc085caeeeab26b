package dev.switchboard.signatures;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheme against the test vectors of PROVIDERS.md (the providers' published ones,
 * and for Jira and Zendesk, which publish none, ones computed with openssl).
 */
class SignatureVectorTests {

	@Test
	void signsGithubsPublishedVector() {
		byte[] body = utf8("Hello, World!");
		String vector = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

		assertThat(GithubSignature.sign("It's a Secret to Everybody", body)).isEqualTo(vector);
		assertThat(GithubSignature.digestOf(vector))
			.isEqualTo(GithubSignature.digest("It's a Secret to Everybody", body));
	}

	/**
	 * printf '%s' '{"webhookEvent":"jira:issue_updated","timestamp":1795437600000}' |
	 * openssl dgst -sha256 -hmac jira-webhook-secret
	 */
	@Test
	void signsJiraAsOpensslComputesIt() {
		byte[] body = utf8("{\"webhookEvent\":\"jira:issue_updated\",\"timestamp\":1795437600000}");

		assertThat(JiraSignature.sign("jira-webhook-secret", body))
			.isEqualTo("sha256=17bfd7fb8409f19332f49a2d7a4dba9cd0489e29f8c121b5dfcd1726ef7f2d21");
		assertThat(JiraSignature.HEADER).isEqualTo("X-Hub-Signature").isNotEqualTo(GithubSignature.HEADER);
	}

	@Test
	void signsZendeskOverTheTimestampThenTheBody() {
		byte[] body = utf8("{\"id\":\"01HZX\",\"type\":\"zen:event-type:ticket.comment_added\"}");

		assertThat(ZendeskSignature.sign("dGhpcyBpcyBhIHNlY3JldA==", "2026-11-23T10:00:00Z", body))
			.isEqualTo("9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=");
		assertThat(ZendeskSignature.sign("dGhpcyBpcyBhIHNlY3JldA==", "2026-11-23T10:00:01Z", body))
			.isNotEqualTo("9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=");
	}

	@Test
	void signsTwilioOverTheUrlAndTheParametersSortedByName() {
		List<Map.Entry<String, String>> parameters = List.of(Map.entry("To", "+18005551212"),
				Map.entry("CallSid", "CA1234567890ABCDE"), Map.entry("Digits", "1234"),
				Map.entry("Caller", "+12349013030"), Map.entry("From", "+12349013030"));

		assertThat(TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", parameters))
			.isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
		assertThat(TwilioSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", parameters))
			.isNotEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
	}

	@Test
	void signsStandardWebhooksPublishedVector() {
		byte[] body = utf8("{\"test\": 2432232314}");
		String vector = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

		assertThat(StandardWebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
			.isEqualTo(vector);
		assertThat(StandardWebhookSignature.digest("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
				"msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
			.isEqualTo(HexFormat.of().parseHex("83484cf52b04f8e4cf2531adfed9882ad4b2665137b852442d594d20e2c9d4e1"));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
