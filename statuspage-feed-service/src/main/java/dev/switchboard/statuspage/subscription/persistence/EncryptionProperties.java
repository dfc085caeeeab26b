package dev.switchboard.statuspage.subscription.persistence;

import java.util.Base64;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.encryption.*}: the AES-256 keys of the secrets stored at rest
 * (webhook secrets, Teams URLs with their {@code sig}).
 *
 * @param key {@code SWITCHBOARD_ENCRYPTION_KEY}, required: the base64 of 32 random bytes
 * ({@code openssl rand -base64 32}); every new write uses it
 * @param previousKeys {@code SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS}, comma-separated: keys
 * that were current before a rotation and still decrypt
 */
@Validated
@ConfigurationProperties("switchboard.encryption")
record EncryptionProperties(String key, @DefaultValue @NotNull List<String> previousKeys) {

	static final String KEY_VARIABLE = "SWITCHBOARD_ENCRYPTION_KEY";

	static final String PREVIOUS_KEYS_VARIABLE = "SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS";

	private static final int KEY_BYTES = 32;

	/** Random 32 bytes show about 30 distinct values; fewer than 16 is not random. */
	private static final int MINIMUM_DISTINCT_BYTES = 16;

	EncryptionProperties {
		decode(key, KEY_VARIABLE);
		previousKeys = List.copyOf(previousKeys);
		for (String previous : previousKeys) {
			decode(previous, PREVIOUS_KEYS_VARIABLE);
		}
	}

	byte[] currentKey() {
		return decode(this.key, KEY_VARIABLE);
	}

	List<byte[]> previousKeyBytes() {
		return this.previousKeys.stream().map((previous) -> decode(previous, PREVIOUS_KEYS_VARIABLE)).toList();
	}

	/**
	 * The key's 32 bytes, or a start-up failure that names the variable (never the key).
	 */
	static byte[] decode(String key, String variable) {
		String how = ": set it to the output of 'openssl rand -base64 32'";
		// an unresolved ${SWITCHBOARD_ENCRYPTION_KEY} arrives as that literal text
		if (key == null || key.isBlank() || key.strip().startsWith("${")) {
			throw new IllegalArgumentException(variable + " is not set" + how);
		}
		if (key.strip().toLowerCase(Locale.ROOT).startsWith("change-me")) {
			throw new IllegalArgumentException(variable + " is still the placeholder of .env.example" + how);
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(variable + " is not base64" + how);
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					variable + " must be the base64 of " + KEY_BYTES + " bytes, not " + bytes.length + how);
		}
		if (distinct(bytes) < MINIMUM_DISTINCT_BYTES) {
			throw new IllegalArgumentException(variable + " has too little entropy to be a random key" + how);
		}
		return bytes;
	}

	private static long distinct(byte[] bytes) {
		boolean[] seen = new boolean[256];
		long count = 0;
		for (byte value : bytes) {
			if (!seen[value & 0xff]) {
				seen[value & 0xff] = true;
				count++;
			}
		}
		return count;
	}

	@Override
	public String toString() {
		return "EncryptionProperties[key=***, previousKeys=" + this.previousKeys.size() + " × ***]";
	}

}
