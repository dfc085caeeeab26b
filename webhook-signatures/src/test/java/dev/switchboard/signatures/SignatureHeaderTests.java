package dev.switchboard.signatures;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A header yields its digest only in the exact form the provider sends, so a verifier
 * comparing raw bytes accepts nothing a comparison of the header text would refuse.
 */
class SignatureHeaderTests {

	private static final String GITHUB = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

	@Test
	void readsAHexSignatureOnlyWithItsPrefixLowercaseAndWhole() {
		assertThat(GithubSignature.digestOf(GITHUB)).hasSize(32);
		assertThat(GithubSignature.digestOf(GITHUB.toUpperCase().replace("SHA256=", "sha256="))).isNull();
		assertThat(GithubSignature.digestOf("sha1=" + GITHUB.substring(7))).isNull();
		assertThat(GithubSignature.digestOf(GITHUB.substring(0, GITHUB.length() - 2))).isNull();
		assertThat(GithubSignature.digestOf(GITHUB + "00")).isNull();
		assertThat(JiraSignature.digestOf(GITHUB + " ")).isNull();
	}

	@Test
	void readsBase64OnlyInItsCanonicalSpellingAndLength() {
		assertThat(TwilioSignature.digestOf("0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).hasSize(20);
		assertThat(TwilioSignature.digestOf("0/KCTR6DLpKmkAf8muzZqo1nDgR="))
			.as("other unused bits, same bytes when decoded leniently")
			.isNull();
		assertThat(TwilioSignature.digestOf("0/KCTR6DLpKmkAf8muzZqo1nDgQ")).as("unpadded").isNull();
		assertThat(TwilioSignature.digestOf("9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=")).as("a SHA-256").isNull();
		assertThat(ZendeskSignature.digestOf("9BfcalLYdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=")).hasSize(32);
		assertThat(ZendeskSignature.digestOf("9Bfcal-YdJf21a3Q8NicTSZrOIz6f1xJ4FcosIl135M=")).as("URL alphabet")
			.isNull();
	}

	@Test
	void listsTheV1DigestsOfAStandardWebhooksHeader() {
		List<byte[]> digests = StandardWebhookSignature.digestsOf(
				"v1,bm90IHRoaXMgb25l  v1a,c2lnbmVkIGFzeW1tZXRyaWNhbGx5 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

		assertThat(digests).as("a short v1 and an asymmetric v1a left out").hasSize(1);
		assertThat(digests.get(0)[0]).isEqualTo((byte) 0x83);
	}

	@Test
	void refusesToSignWithWhatIsNotAStandardWebhooksSecret() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StandardWebhookSignature.sign("whsec_not base64!", "msg_1", 1, new byte[0]));
	}

}
