package dev.switchboard.remotesession.session.guacamole;

import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Guacamole's encrypted JSON authentication (guacamole-auth-json): the JSON is signed
 * with HMAC/SHA-256, the binary signature is prepended to the JSON bytes, and the whole
 * is encrypted with AES-128-CBC under a null (all-zero) IV, both with the shared 128-bit
 * key, then Base64-encoded; as the extension's own {@code encrypt-json.sh} does with
 * openssl.
 */
final class GuacamoleJsonAuth {

	private GuacamoleJsonAuth() {
	}

	static String signAndEncrypt(byte[] key, byte[] json) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] signature = mac.doFinal(json);
			byte[] signed = new byte[signature.length + json.length];
			System.arraycopy(signature, 0, signed, 0, signature.length);
			System.arraycopy(json, 0, signed, signature.length, json.length);
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
			return Base64.getEncoder().encodeToString(cipher.doFinal(signed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 or AES-128-CBC is not available", ex);
		}
	}

}
