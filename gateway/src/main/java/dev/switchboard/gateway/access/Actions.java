package dev.switchboard.gateway.access;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a request by its method and canonical path, for the admin API
 * ({@code /api/**}) and the console ({@code /console/**}) alike, so that replaying a
 * delivery is the same action through both. GET and HEAD are reads (of a ticket's
 * summary, or of anything else); every other method is a change, named by the first rule
 * that matches its method and path, else {@link Operation#CHANGE} named by its method and
 * path (deny by default: a route added later, or another method on a named path, is a
 * change until a rule says otherwise). Signing out of the console is the one change that
 * is the key's own.
 */
public final class Actions {

	private static final String SEGMENT = "([A-Za-z0-9._~-]+)";

	private static final List<Rule> RULES = List.of(
			rule("POST", "(?:/api|/console)/deliveries/" + SEGMENT + "/replay", Operation.REPLAY, "delivery.replay"),
			rule("POST", "(?:/api|/console)/replay-jobs", Operation.REPLAY, "replay-job.start"),
			rule("POST", "(?:/api|/console)/replay-jobs/" + SEGMENT + "/cancel", Operation.REPLAY, "replay-job.cancel"),
			rule("POST", "(?:/api|/console)/dead-letters/" + SEGMENT + "/replay", Operation.REPLAY,
					"dead-letter.replay"),
			rule("POST", "(?:/api|/console)/dead-letters/" + SEGMENT + "/discard", Operation.DISCARD,
					"dead-letter.discard"),
			rule("POST", "(?:/api|/console)/dead-letters/" + SEGMENT + "/replay-jobs", Operation.REPLAY,
					"dead-letter-job.start"),
			rule("POST", "(?:/api|/console)/dead-letter-jobs/" + SEGMENT + "/cancel", Operation.REPLAY,
					"dead-letter-job.cancel"),
			rule("POST", "(?:/api|/console)/calls", Operation.START, "call.start"),
			rule("POST", "(?:/api|/console)/sessions", Operation.START, "session.start"),
			rule("POST", "/console/sessions/" + SEGMENT + "/end", Operation.CHANGE, "session.end"),
			rule("POST", "(?:/api|/console)/links", Operation.LINK, "link.create"),
			rule("DELETE", "/api/links/" + SEGMENT, Operation.LINK, "link.delete"),
			rule("POST", "/console/links/" + SEGMENT + "/delete", Operation.LINK, "link.delete"),
			rule("POST", "/console/subscriptions/" + SEGMENT + "/state", Operation.CHANGE, "subscription.state"),
			rule("POST", "/console/subscriptions/" + SEGMENT + "/retry", Operation.CHANGE, "subscription.retry"));

	/** One ticket's summary, the helpdesk app's read. */
	private static final Pattern TICKET_SUMMARY = Pattern.compile("/api/tickets/" + SEGMENT + "/summary");

	/** Ends the caller's own session: any role may. */
	private static final String SIGN_OUT = "/console/logout";

	private Actions() {
	}

	public static Action classify(String method, String path) {
		if (method.equals("GET") || method.equals("HEAD")) {
			Matcher summary = TICKET_SUMMARY.matcher(path);
			return summary.matches() ? new Action(Operation.TICKET_READ, "ticket.summary", summary.group(1))
					: new Action(Operation.READ, "read", path);
		}
		if (method.equals("POST") && path.equals(SIGN_OUT)) {
			return new Action(Operation.SIGN_OUT, "console.sign-out", null);
		}
		for (Rule rule : RULES) {
			Matcher matcher = rule.path().matcher(path);
			if (rule.method().equals(method) && matcher.matches()) {
				return new Action(rule.operation(), rule.name(), (matcher.groupCount() > 0) ? matcher.group(1) : null);
			}
		}
		return new Action(Operation.CHANGE, method + " " + path, path);
	}

	private static Rule rule(String method, String path, Operation operation, String name) {
		return new Rule(method, Pattern.compile(path), operation, name);
	}

	private record Rule(String method, Pattern path, Operation operation, String name) {
	}

}
