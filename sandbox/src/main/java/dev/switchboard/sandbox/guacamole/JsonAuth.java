package dev.switchboard.sandbox.guacamole;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What guacamole-auth-json does with the {@code data} it is given: Base64-decodes it,
 * decrypts it with AES-128-CBC under an all-zero IV, takes the first 32 bytes as the
 * HMAC-SHA256 of the rest, verifies that signature in constant time with the same key,
 * and reads the rest as the JSON of {@code username}, {@code expires} (epoch ms, a number
 * or a string) and {@code connections}. Anything that fails is an invalid login; the
 * expiry is the caller's to check. The opposite of remote-session's
 * {@code GuacamoleJsonAuth}, written from the extension's documentation and checked
 * against its published example.
 */
final class JsonAuth {

	private static final int SIGNATURE_BYTES = 32;

	private JsonAuth() {
	}

	static AuthData open(byte[] key, String data, JsonMapper json) {
		byte[] signed;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
			signed = cipher.doFinal(Base64.getMimeDecoder().decode(data));
		}
		catch (IllegalArgumentException | GeneralSecurityException ex) {
			throw new InvalidLogin("the data does not decrypt with the key: " + ex.getMessage());
		}
		if (signed.length <= SIGNATURE_BYTES) {
			throw new InvalidLogin("the decrypted data holds no JSON after the signature");
		}
		byte[] signature = Arrays.copyOfRange(signed, 0, SIGNATURE_BYTES);
		byte[] payload = Arrays.copyOfRange(signed, SIGNATURE_BYTES, signed.length);
		if (!MessageDigest.isEqual(signature, hmac(key, payload))) {
			throw new InvalidLogin("the signature does not match the JSON");
		}
		return read(payload, json);
	}

	private static AuthData read(byte[] payload, JsonMapper json) {
		try {
			JsonNode root = json.readTree(payload);
			String username = root.path("username").asString("");
			JsonNode expires = root.path("expires");
			if (username.isBlank() || !root.path("connections").isObject()) {
				throw new InvalidLogin("the JSON has no username or no connections");
			}
			Map<String, AuthData.ConnectionConfig> connections = new LinkedHashMap<>();
			root.path("connections").properties().forEach((entry) -> {
				Map<String, String> parameters = new LinkedHashMap<>();
				entry.getValue()
					.path("parameters")
					.properties()
					.forEach((parameter) -> parameters.put(parameter.getKey(), parameter.getValue().asString()));
				connections.put(entry.getKey(),
						new AuthData.ConnectionConfig(entry.getValue().path("protocol").asString(""), parameters));
			});
			return new AuthData(username, expires.isMissingNode() || expires.isNull() ? null
					: Instant.ofEpochMilli(Long.parseLong(expires.asString())), connections);
		}
		catch (JacksonException | NumberFormatException ex) {
			throw new InvalidLogin("the signed data is not the extension's JSON: " + ex.getMessage());
		}
	}

	private static byte[] hmac(byte[] key, byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

	/**
	 * Guacamole's answer to data it cannot trust: an invalid login, the reason logged.
	 */
	static final class InvalidLogin extends RuntimeException {

		private final String reason;

		InvalidLogin(String reason) {
			super(reason);
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
