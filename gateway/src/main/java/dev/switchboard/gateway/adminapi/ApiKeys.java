package dev.switchboard.gateway.adminapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finds the admin key a bearer token is, with its role, by its SHA-256, comparing with
 * every key in constant time.
 */
@Component
public class ApiKeys {

	private final ApiKeyProperties properties;

	public ApiKeys(ApiKeyProperties properties) {
		this.properties = properties;
	}

	/** The key, if the presented one is configured. */
	public Optional<ApiKey> keyOf(@Nullable String presentedKey) {
		if (presentedKey == null || presentedKey.isBlank()) {
			return Optional.empty();
		}
		byte[] presented = sha256(presentedKey).getBytes(StandardCharsets.US_ASCII);
		ApiKey match = null;
		for (ApiKeyProperties.Key key : this.properties.apiKeys()) {
			byte[] configured = String.valueOf(key.sha256())
				.toLowerCase(Locale.ROOT)
				.getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(configured, presented) && match == null) {
				match = new ApiKey(String.valueOf(key.name()), key.roleOrOperator());
			}
		}
		return Optional.ofNullable(match);
	}

	/**
	 * The key of this name with this SHA-256, with its role as configured now, if it is
	 * still configured (a console session ends when its key is removed or replaced, and
	 * follows a changed role from the next request).
	 */
	public Optional<ApiKey> stillConfigured(String name, String sha256) {
		byte[] expected = sha256.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		ApiKey found = null;
		for (ApiKeyProperties.Key key : this.properties.apiKeys()) {
			byte[] configured = String.valueOf(key.sha256())
				.toLowerCase(Locale.ROOT)
				.getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(configured, expected) && name.equals(key.name()) && found == null) {
				found = new ApiKey(name, key.roleOrOperator());
			}
		}
		return Optional.ofNullable(found);
	}

	public boolean anyConfigured() {
		return !this.properties.apiKeys().isEmpty();
	}

	public static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
