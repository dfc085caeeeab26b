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
 * {@code recording-path} (graphical session recording of every connection) and
 * {@code drive-path} (the RDP virtual drive) are directories on guacd's host; they come
 * only from here, never from a caller, and each is off when empty.
 */
@ConfigurationProperties("remote-session.guacamole")
record GuacamoleProperties(@Nullable URI baseUrl, @DefaultValue("") String secretKey,
		@DefaultValue("") String recordingPath, @DefaultValue("") String drivePath) {

	GuacamoleProperties {
		if (!secretKey.isBlank() && !secretKey.strip().matches("[0-9a-fA-F]{32}")) {
			throw new IllegalArgumentException(
					"remote-session.guacamole.secret-key (REMOTESESSION_GUACAMOLE_SECRETKEY) must be 32 hex digits");
		}
		recordingPath = directory(recordingPath, "remote-session.guacamole.recording-path");
		drivePath = directory(drivePath, "remote-session.guacamole.drive-path");
	}

	boolean configured() {
		return this.baseUrl != null && !this.baseUrl.toString().isBlank() && !this.secretKey.isBlank();
	}

	byte[] key() {
		return HexFormat.of().parseHex(this.secretKey.strip());
	}

	private static String directory(String path, String property) {
		String directory = path.strip();
		if (directory.isEmpty()) {
			return directory;
		}
		if (!directory.startsWith("/") || directory.matches(".*(^|/)\\.\\.?(/|$).*")
				|| directory.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(
					property + " must be an absolute directory on guacd's host without . or .. segments");
		}
		return directory;
	}

	@Override
	public String toString() {
		return "GuacamoleProperties[baseUrl=" + this.baseUrl + ", secretKey=***, recordingPath=" + this.recordingPath
				+ ", drivePath=" + this.drivePath + "]";
	}

}
