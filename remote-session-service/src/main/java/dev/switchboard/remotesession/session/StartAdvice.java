package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the agent is told on the ticket when a start cannot be carried out: the cause in
 * one sentence and what to fix, in the words of the place the start came from (a
 * {@code /remote} note or the admin API). Never a link, never a credential.
 */
public final class StartAdvice {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private StartAdvice() {
	}

	/** The {@code /remote} note's author has no e-mail address in the helpdesk. */
	public static String authorWithoutEmail(String authorName) {
		return "/remote could not start a remote session: the note's author (" + authorName
				+ ") has no e-mail address in the helpdesk, and the session is started on behalf of that address."
				+ "\nTo fix: add an e-mail address to your helpdesk profile, then write /remote again.";
	}

	/** The default provider needs a connection a note cannot give. */
	public static String defaultProviderNeedsConnection(ProviderName provider) {
		return "/remote could not start a remote session: the default provider " + provider.displayName()
				+ " needs a connection (protocol, host, port) that a note cannot give."
				+ "\nTo fix: start the session through the admin API (POST /api/sessions with a connection), or ask "
				+ "your Switchboard administrator to set remote-session.default-provider to teamviewer.";
	}

	/** The vendor has no credentials in this deployment. */
	public static String notConfigured(ProviderName provider) {
		return "/remote could not start a remote session: " + provider.displayName()
				+ " is not configured in this Switchboard deployment.\nTo fix: ask your Switchboard administrator to set "
				+ provider.settings() + " for remote-session-service, then write /remote again.";
	}

	/** The vendor refused to create the session: what it said, and who can fix it. */
	public static String refused(VendorFailure.Refused refused, StartedVia via) {
		String vendor = refused.provider().displayName();
		String fix = switch (refused.status()) {
			case 401 -> "ask your Switchboard administrator to renew the " + vendor + " token ("
					+ refused.provider().settings() + ")";
			case 403 -> "ask your Switchboard administrator to give the " + vendor
					+ " token the permission named above, or to use a token that has it";
			default -> "ask your Switchboard administrator to look at what " + vendor
					+ " refused (the session's history in GET /api/sessions/{id})";
		};
		return "To fix: " + fix + ", then " + again(via) + ".";
	}

	/**
	 * The vendor could not be reached on any attempt before the start was given up.
	 * @param lastFailure how the last attempt failed, if known
	 */
	public static String unreachableReason(ProviderName provider, int attempts, String lastFailure, Instant since) {
		if (attempts == 0) {
			// reserved, then the instance stopped before the vendor answered
			return "the start at " + provider.displayName() + " since " + TIME.format(since)
					+ " was interrupted; no session was created";
		}
		return provider.displayName() + " could not be reached (" + lastFailure + ") on " + attempts + " attempt"
				+ ((attempts == 1) ? "" : "s") + " since " + TIME.format(since) + "; no session was created";
	}

	public static String unreachable(ProviderName provider, StartedVia via) {
		return "To fix: nothing on your side; " + again(via) + " once " + provider.displayName()
				+ " is reachable again (if it stays unreachable, tell your Switchboard administrator).";
	}

	private static String again(StartedVia via) {
		return switch (via) {
			case NOTE -> "write /remote again";
			case API -> "start the session again";
		};
	}

}
