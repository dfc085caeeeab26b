package dev.switchboard.gateway.adminapi;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.switchboard.gateway.access.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.api-keys[i].name}, {@code .sha256} (the hex SHA-256 of the key: the keys
 * themselves are never configured), {@code .role} ({@code viewer}, {@code agent} or
 * {@code operator}; a key configured without one, as before roles, is an
 * {@code operator}) and the admin API's limits ({@code gateway.api.*}). Entries with a
 * blank name and hash are ignored (compose passes empty variables); no key at all closes
 * the admin API.
 */
@ConfigurationProperties("gateway")
public record ApiKeyProperties(@DefaultValue List<Key> apiKeys, @DefaultValue Api api) {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	public ApiKeyProperties {
		apiKeys = apiKeys.stream().filter((key) -> !key.blank()).toList();
		for (Key key : apiKeys) {
			if (key.name() == null || key.name().isBlank()) {
				throw new IllegalArgumentException("gateway.api-keys: every key needs a name");
			}
			if (key.sha256() == null || !SHA256_HEX.matcher(key.sha256().toLowerCase(Locale.ROOT)).matches()) {
				throw new IllegalArgumentException("gateway.api-keys: the key '" + key.name()
						+ "' needs sha256 = the hex SHA-256 of the key (printf %s \"$KEY\" | sha256sum)");
			}
			key.roleOrOperator();
		}
	}

	/**
	 * @param role {@code viewer}, {@code agent} or {@code operator}; blank or absent:
	 * {@code operator}
	 */
	public record Key(@Nullable String name, @Nullable String sha256, @Nullable String role) {

		/** The configured role; a key without one keeps the full rights it always had. */
		public Role roleOrOperator() {
			if (this.role == null || this.role.isBlank()) {
				return Role.OPERATOR;
			}
			try {
				return Role.named(this.role);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("gateway.api-keys: the key '" + this.name + "' has the role '"
						+ this.role + "', which is none of " + Role.labels()
						+ " (gateway.api-keys[i].role, GATEWAY_APIKEYS_<n>_ROLE)", ex);
			}
		}

		boolean blank() {
			return (this.name == null || this.name.isBlank()) && (this.sha256 == null || this.sha256.isBlank());
		}

		@Override
		public String toString() {
			return "Key[name=" + this.name + ", role=" + this.role + "]";
		}

	}

	/**
	 * @param rateLimit admin requests per second per key, across all gateway instances
	 * @param maxBody largest admin request body
	 * @param downstreamTimeout how long a routed request may take
	 */
	public record Api(@DefaultValue("50") int rateLimit, @DefaultValue("256KB") DataSize maxBody,
			@DefaultValue("30s") Duration downstreamTimeout) {

		public Api {
			if (rateLimit < 1) {
				throw new IllegalArgumentException("gateway.api.rate-limit must be 1 or more");
			}
		}

	}

}
