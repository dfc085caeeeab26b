package dev.switchboard.remotesession.secret.aesgcm;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code switchboard.encryption.*}: {@code key} ({@code SWITCHBOARD_ENCRYPTION_KEY},
 * required) encrypts every new write; {@code previous-keys}
 * ({@code SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS}, comma-separated) still decrypt what they
 * encrypted, so a key is rotated by moving it there and setting a new one. Each is base64
 * of 32 random bytes; start-up fails naming the variable when one is missing, a
 * placeholder, of the wrong length or of too little entropy. Never printed.
 */
@Validated
@ConfigurationProperties("switchboard.encryption")
record EncryptionProperties(@Nullable String key, @DefaultValue List<String> previousKeys) {

	static final String KEY_VARIABLE = "SWITCHBOARD_ENCRYPTION_KEY";

	static final String PREVIOUS_KEYS_VARIABLE = "SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS";

	EncryptionProperties {
		EncryptionKey.parse(key, KEY_VARIABLE);
		previousKeys = previousKeys.stream().map(String::strip).filter((previous) -> !previous.isEmpty()).toList();
		previousKeys.forEach((previous) -> EncryptionKey.parse(previous, PREVIOUS_KEYS_VARIABLE));
	}

	EncryptionKey currentKey() {
		return EncryptionKey.parse(this.key, KEY_VARIABLE);
	}

	List<EncryptionKey> previous() {
		List<EncryptionKey> keys = new ArrayList<>();
		this.previousKeys.forEach((previous) -> keys.add(EncryptionKey.parse(previous, PREVIOUS_KEYS_VARIABLE)));
		return keys;
	}

	@Override
	public String toString() {
		return "EncryptionProperties[key=***, previousKeys=" + this.previousKeys.size() + " ***]";
	}

}
