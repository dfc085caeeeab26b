package dev.switchboard.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a timeline is about, and the query parameter each service's
 * {@code GET /api/timeline} takes for it. The gateway's console classifies what an
 * operator typed once ({@link #of(String)}) and asks every service with the same
 * parameter; a service answers an empty timeline for a subject it never deals with.
 */
public enum TimelineSubject {

	/** A helpdesk ticket id: digits. */
	TICKET("ticketId"),

	/**
	 * An issue, by its URL ({@code https://github.com/acme/widgets/issues/42}, a Jira
	 * browse URL).
	 */
	ISSUE("issue"),

	/** A phone call, by its CallSid ({@code CA} and 32 hex digits). */
	CALL("callSid"),

	/** A remote session, by Switchboard's session id (a UUID). */
	SESSION("sessionId"),

	/** A status-page incident, by the provider's incident id or code. */
	INCIDENT("incident");

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final String parameter;

	TimelineSubject(String parameter) {
		this.parameter = parameter;
	}

	/**
	 * The query parameter of {@code GET /api/timeline} that names a subject of this kind.
	 */
	public String parameter() {
		return this.parameter;
	}

	/**
	 * What a value an operator typed names: digits a ticket, an http(s) URL an issue, a
	 * CallSid a call, a UUID a session, anything else an incident.
	 * @param value the trimmed, non-blank value
	 * @return the subject it names
	 */
	public static TimelineSubject of(String value) {
		if (TICKET_ID.matcher(value).matches()) {
			return TICKET;
		}
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.startsWith("https://") || lower.startsWith("http://")) {
			return ISSUE;
		}
		if (CALL_SID.matcher(value).matches()) {
			return CALL;
		}
		if (UUID.matcher(value).matches()) {
			return SESSION;
		}
		return INCIDENT;
	}

}
