package dev.switchboard.remotesession.session;

import java.util.Locale;

/** Where a start request came from (audit). */
public enum StartedVia {

	API, NOTE;

	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

}
