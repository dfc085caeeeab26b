package dev.switchboard.remotesession.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The remote-desktop vendors this service can start sessions with. */
public enum ProviderName {

	TEAMVIEWER("TeamViewer", "REMOTESESSION_TEAMVIEWER_TOKEN"),

	GUACAMOLE("Guacamole", "REMOTESESSION_GUACAMOLE_BASEURL and REMOTESESSION_GUACAMOLE_SECRETKEY");

	private final String displayName;

	private final String settings;

	ProviderName(String displayName, String settings) {
		this.displayName = displayName;
		this.settings = settings;
	}

	/** The environment variables that switch the vendor on (for messages to people). */
	public String settings() {
		return this.settings;
	}

	/** The name in JSON, properties and the database. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String displayName() {
		return this.displayName;
	}

	public static Optional<ProviderName> byId(String id) {
		return Arrays.stream(values()).filter((provider) -> provider.id().equalsIgnoreCase(id.strip())).findFirst();
	}

}
