package dev.switchboard.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The entities of one chaos run, derived from its size and a run tag so that every id is
 * deterministic and every expected effect can be found in the fakes afterwards: GitHub
 * issues each linked to one ticket (closed; every third also reopened, every sixth of
 * those sent newest first), Twilio calls of a few callers (three status callbacks each,
 * every third call's callbacks out of order), and Statuspage incidents (four updates
 * each, every third incident's second and third update sent swapped), four incidents per
 * page, one Slack channel per page.
 */
final class ChaosPlan {

	/** A GitHub issue and the ticket linked to it. */
	record Issue(int number, String ticketId, boolean reopened, boolean reordered) {
	}

	/** A caller: an end user with a phone number and one open ticket. */
	record Caller(String userId, String phone, String ticketId) {
	}

	/** A call: three status callbacks (ringing, in-progress, completed). */
	record Call(String sid, Caller caller, boolean reordered) {
	}

	/**
	 * A Statuspage incident with four updates, on one page whose channel is subscribed.
	 */
	record Incident(int index, String code, String pageId, String channel, boolean reordered) {

		String name() {
			return "Chaos incident " + this.index;
		}

	}

	static final String[] STATUSES = { "investigating", "identified", "monitoring", "resolved" };

	static final int INCIDENTS_PER_PAGE = 4;

	final String tag;

	final List<Issue> issues = new ArrayList<>();

	final List<Caller> callers = new ArrayList<>();

	final List<Call> calls = new ArrayList<>();

	final List<Incident> incidents = new ArrayList<>();

	final List<String> pages = new ArrayList<>();

	ChaosPlan(int deliveries, String tag) {
		this.tag = tag;
		// a quarter GitHub (4/3 deliveries per issue), 40% Twilio (3 per call), the rest
		// Statuspage (4 per incident)
		int issueCount = Math.max(2, Math.round(deliveries * 0.25f * 3 / 4));
		int callCount = Math.max(2, Math.round(deliveries * 0.40f / 3));
		int incidentCount = Math.max(2, Math.round(deliveries * 0.35f / 4));
		for (int i = 1; i <= issueCount; i++) {
			boolean reopened = i % 3 == 0;
			this.issues.add(new Issue(i, Long.toString(100_000 + i), reopened, reopened && i % 6 == 0));
		}
		int callerCount = Math.max(1, callCount / 3);
		for (int c = 0; c < callerCount; c++) {
			this.callers.add(new Caller(Long.toString(300_000 + c), String.format("+1415555%04d", c),
					Long.toString(200_000 + c)));
		}
		for (int k = 0; k < callCount; k++) {
			String sid = "CA" + UUID.nameUUIDFromBytes((tag + ":call:" + k).getBytes(StandardCharsets.UTF_8))
				.toString()
				.replace("-", "");
			this.calls.add(new Call(sid, this.callers.get(k % callerCount), k % 3 == 1));
		}
		for (int j = 0; j < incidentCount; j++) {
			int page = j / INCIDENTS_PER_PAGE;
			if (page == this.pages.size()) {
				this.pages.add("pg" + tag + page);
			}
			this.incidents.add(new Incident(j, "ci" + tag + j, this.pages.get(page), channel(page), j % 3 == 1));
		}
	}

	String channel(int page) {
		return String.format("C%s%05d", this.tag.toUpperCase(java.util.Locale.ROOT), page);
	}

	int deliveries() {
		int github = this.issues.stream().mapToInt((issue) -> issue.reopened() ? 2 : 1).sum();
		return github + this.calls.size() * 3 + this.incidents.size() * STATUSES.length;
	}

}
