package dev.switchboard.sandbox.guacamole;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tests' side of encrypted JSON, as the extension's {@code encrypt-json.sh} makes it
 * with openssl (HMAC-SHA256 prepended, AES-128-CBC with a zero IV, Base64); a byte of the
 * signature can be flipped before encryption to make data that decrypts but does not
 * verify. Checked against the extension's published example in {@link JsonAuthTests}.
 */
final class SealedJson {

	private SealedJson() {
	}

	static String seal(String hexKey, String json, boolean breakSignature) {
		byte[] key = HexFormat.of().parseHex(hexKey);
		byte[] payload = json.getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac.doFinal(payload);
			if (breakSignature) {
				signature[0] ^= 1;
			}
			byte[] signed = new byte[signature.length + payload.length];
			System.arraycopy(signature, 0, signed, 0, signature.length);
			System.arraycopy(payload, 0, signed, signature.length, payload.length);
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
			return Base64.getEncoder().encodeToString(cipher.doFinal(signed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String connection(String name, long expiresMillis) {
		return "{\"username\":\"alice@example.com\",\"expires\":" + expiresMillis + ",\"connections\":{\"" + name
				+ "\":{\"protocol\":\"rdp\",\"parameters\":{\"hostname\":\"ts01.corp.example\",\"port\":\"3389\"}}}}";
	}

}
