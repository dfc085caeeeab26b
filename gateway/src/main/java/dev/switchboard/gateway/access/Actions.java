package dev.switchboard.gateway.access;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a request by its method and canonical path, for the admin API
 * ({@code /api/**}) and the console ({@code /console/**}) alike, so that replaying a
 * delivery is the same action through both. GET and HEAD are reads; every other method is
 * a change, named by the first rule that matches, else {@link Operation#CHANGE} named by
 * its method and path (deny by default: a route added later is a change until a rule says
 * otherwise). Signing out of the console is the one change that is the key's own.
 */
public final class Actions {

	private static final String SEGMENT = "([A-Za-z0-9._~-]+)";

	private static final List<Rule> RULES = List.of(
			rule("(?:/api|/console)/deliveries/" + SEGMENT + "/replay", Operation.REPLAY, "delivery.replay"),
			rule("(?:/api|/console)/replay-jobs", Operation.REPLAY, "replay-job.start"),
			rule("(?:/api|/console)/replay-jobs/" + SEGMENT + "/cancel", Operation.REPLAY, "replay-job.cancel"),
			rule("(?:/api|/console)/dead-letters/" + SEGMENT + "/replay", Operation.REPLAY, "dead-letter.replay"),
			rule("(?:/api|/console)/dead-letters/" + SEGMENT + "/discard", Operation.DISCARD, "dead-letter.discard"),
			rule("(?:/api|/console)/dead-letters/" + SEGMENT + "/replay-jobs", Operation.REPLAY,
					"dead-letter-job.start"),
			rule("(?:/api|/console)/dead-letter-jobs/" + SEGMENT + "/cancel", Operation.REPLAY,
					"dead-letter-job.cancel"),
			rule("(?:/api|/console)/calls", Operation.START, "call.start"),
			rule("(?:/api|/console)/sessions", Operation.START, "session.start"),
			rule("/console/sessions/" + SEGMENT + "/end", Operation.CHANGE, "session.end"),
			rule("/console/links", Operation.CHANGE, "link.create"),
			rule("/console/links/" + SEGMENT + "/delete", Operation.CHANGE, "link.delete"),
			rule("/console/subscriptions/" + SEGMENT + "/state", Operation.CHANGE, "subscription.state"),
			rule("/console/subscriptions/" + SEGMENT + "/retry", Operation.CHANGE, "subscription.retry"));

	/** Ends the caller's own session: any role may. */
	private static final String SIGN_OUT = "/console/logout";

	private Actions() {
	}

	public static Action classify(String method, String path) {
		if (method.equals("GET") || method.equals("HEAD")) {
			return new Action(Operation.READ, "read", path);
		}
		if (method.equals("POST") && path.equals(SIGN_OUT)) {
			return new Action(Operation.READ, "console.sign-out", null);
		}
		if (method.equals("POST")) {
			for (Rule rule : RULES) {
				Matcher matcher = rule.path().matcher(path);
				if (matcher.matches()) {
					return new Action(rule.operation(), rule.name(),
							(matcher.groupCount() > 0) ? matcher.group(1) : null);
				}
			}
		}
		return new Action(Operation.CHANGE, method + " " + path, path);
	}

	private static Rule rule(String path, Operation operation, String name) {
		return new Rule(Pattern.compile(path), operation, name);
	}

	private record Rule(Pattern path, Operation operation, String name) {
	}

}
