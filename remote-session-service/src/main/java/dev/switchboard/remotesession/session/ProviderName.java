package dev.switchboard.remotesession.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The remote-desktop vendors this service can start sessions with. */
public enum ProviderName {

	TEAMVIEWER("TeamViewer"),

	GUACAMOLE("Guacamole");

	private final String displayName;

	ProviderName(String displayName) {
		this.displayName = displayName;
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
