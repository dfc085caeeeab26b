package dev.switchboard.statuspage.incident;

import java.util.regex.Pattern;

/**
 * URLs as they may be shown or logged: credentials in the query ({@code sig=***}) and the
 * user info masked. Feeds and subscriptions both show URLs that customers gave us.
 */
public final class MaskedUrls {

	private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&](?:sig|signature|token|key|code)=)[^&]*");

	private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

	private MaskedUrls() {
	}

	/** A URL with its credentials masked ({@code sig=***}, user info). */
	public static String masked(String url) {
		return SECRET_PARAMETER.matcher(USER_INFO.matcher(url).replaceFirst("$1***@")).replaceAll("$1***");
	}

}
