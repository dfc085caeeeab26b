package dev.switchboard.gateway.webhook.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.switchboard.gateway.webhook.SchemeVerdict;
import dev.switchboard.gateway.webhook.WebhookProperties;
import dev.switchboard.gateway.webhook.WebhookRequest;
import dev.switchboard.signatures.GithubSignature;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

class GithubSchemeTests {

	private static final String SECRET = "It's a Secret to Everybody";

	private static final byte[] BODY = "{\"action\":\"closed\",\"issue\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);

	@Test
	void verifiesGithubsPublishedTestVector() {
		byte[] hello = "Hello, World!".getBytes(StandardCharsets.UTF_8);
		String vector = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

		assertThat(GithubSignature.sign(SECRET, hello)).isEqualTo(vector);
		assertThat(scheme(null).check(new WebhookRequest(Map.of("X-Hub-Signature-256", vector), hello)))
			.isNotInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void acceptsACorrectlySignedJsonDeliveryAndKeepsItsIds() {
		SchemeVerdict verdict = scheme(null).check(request(GithubSignature.sign(SECRET, BODY), BODY));

		assertThat(verdict).isEqualTo(new SchemeVerdict.Verified("72d3162e-cc78-11e3-81ab-4c9367dc0958", "issues",
				Map.of("x-github-event", "issues", "x-github-delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")));
	}

	@Test
	void refusesASignatureOverDifferentBytes() {
		byte[] tampered = "{\"action\":\"opened\",\"issue\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);

		assertThat(scheme(null).check(request(GithubSignature.sign(SECRET, BODY), tampered)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesAMissingSignatureAndOneWithTheWrongSecret() {
		assertThat(scheme(null).check(request(null, BODY))).isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(scheme(null).check(request(GithubSignature.sign("another secret", BODY), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(scheme(null).check(request("sha1=" + GithubSignature.sign(SECRET, BODY).substring(7), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void refusesTheRightDigestSpelledInAnotherForm() {
		String signature = GithubSignature.sign(SECRET, BODY);

		assertThat(scheme(null).check(request("sha256=" + signature.substring(7).toUpperCase(), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(scheme(null).check(request(signature + " ", BODY))).isInstanceOf(SchemeVerdict.BadSignature.class);
		assertThat(scheme(null).screen(new WebhookRequest(Map.of("X-Hub-Signature-256", signature + "0"), BODY)))
			.isPresent();
	}

	@Test
	void acceptsThePreviousSecretDuringARotation() {
		assertThat(scheme("old secret").check(request(GithubSignature.sign("old secret", BODY), BODY)))
			.isInstanceOf(SchemeVerdict.Verified.class);
		assertThat(scheme(null).check(request(GithubSignature.sign("old secret", BODY), BODY)))
			.isInstanceOf(SchemeVerdict.BadSignature.class);
	}

	@Test
	void signedButNotJsonIsMalformed() {
		byte[] form = "payload=%7B%7D".getBytes(StandardCharsets.UTF_8);

		assertThat(scheme(null).check(request(GithubSignature.sign(SECRET, form), form)))
			.isInstanceOf(SchemeVerdict.Malformed.class);
	}

	@Test
	void signedButWithoutEventHeaderIsMalformed() {
		WebhookRequest request = new WebhookRequest(Map.of("X-Hub-Signature-256", GithubSignature.sign(SECRET, BODY),
				"X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958"), BODY);

		assertThat(scheme(null).check(request)).isInstanceOf(SchemeVerdict.Malformed.class);
	}

	private static GithubScheme scheme(@Nullable String previousSecret) {
		WebhookProperties.Secrets github = new WebhookProperties.Secrets(SECRET, previousSecret,
				DataSize.ofMegabytes(5));
		WebhookProperties.Secrets off = new WebhookProperties.Secrets(null, null, DataSize.ofMegabytes(1));
		return new GithubScheme(
				new WebhookProperties(github, off, off, off, off,
						new WebhookProperties.Token(null, null, DataSize.ofMegabytes(1))),
				JsonMapper.builder().build());
	}

	private static WebhookRequest request(@Nullable String signature, byte[] body) {
		Map<String, String> headers = new java.util.HashMap<>(Map.of("X-GitHub-Event", "issues", "X-GitHub-Delivery",
				"72d3162e-cc78-11e3-81ab-4c9367dc0958", "Content-Type", "application/json"));
		if (signature != null) {
			headers.put("X-Hub-Signature-256", signature);
		}
		return new WebhookRequest(headers, body);
	}

}
