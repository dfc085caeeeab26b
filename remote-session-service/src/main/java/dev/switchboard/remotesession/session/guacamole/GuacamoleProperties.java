package dev.switchboard.remotesession.session.guacamole;

import java.net.URI;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-session.guacamole.*}: {@code base-url} includes the context path (e.g.
 * {@code https://host/guacamole}); {@code secret-key} is the 128-bit
 * {@code json-secret-key} of guacamole.properties, 32 hex digits
 * ({@code REMOTESESSION_GUACAMOLE_SECRETKEY}). Either one empty switches Guacamole off.
 */
@ConfigurationProperties("remote-session.guacamole")
record GuacamoleProperties(@Nullable URI baseUrl, @DefaultValue("") String secretKey) {

	GuacamoleProperties {
		if (!secretKey.isBlank() && !secretKey.strip().matches("[0-9a-fA-F]{32}")) {
			throw new IllegalArgumentException(
					"remote-session.guacamole.secret-key (REMOTESESSION_GUACAMOLE_SECRETKEY) must be 32 hex digits");
		}
	}

	boolean configured() {
		return this.baseUrl != null && !this.baseUrl.toString().isBlank() && !this.secretKey.isBlank();
	}

	byte[] key() {
		return HexFormat.of().parseHex(this.secretKey.strip());
	}

	@Override
	public String toString() {
		return "GuacamoleProperties[baseUrl=" + this.baseUrl + ", secretKey=***]";
	}

}
