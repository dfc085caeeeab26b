package dev.switchboard.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The entities of one chaos run, derived from its size and a run tag so that every id is
 * deterministic and every expected effect can be found in the fakes afterwards: GitHub
 * issues each linked to one ticket (half through the admin API, half by a Zendesk
 * internal note that carries the issue URL; closed; every third also reopened, every
 * sixth of those sent newest first), Twilio calls of a few callers (three status
 * callbacks each, every third call's callbacks out of order), Statuspage incidents (four
 * updates each, every third incident's second and third update sent swapped), four
 * incidents per page, one Slack channel per page, and a few {@code /remote} notes, each
 * on a ticket of its own, by a staff agent with an e-mail address.
 */
final class ChaosPlan {

	/**
	 * A GitHub issue and the ticket linked to it, through the admin API or, when
	 * {@code linkedByNote}, by an agent's internal note that carries its URL.
	 */
	record Issue(int number, String ticketId, boolean reopened, boolean reordered, boolean linkedByNote) {

		String url() {
			return "https://github.com/" + ChaosGithub.REPOSITORY + "/issues/" + this.number;
		}

	}

	/** A staff agent of the helpdesk: writes the notes, has an e-mail address. */
	record Agent(String userId, String name, String email) {
	}

	/**
	 * An internal note {@code /remote} by an agent on a ticket of its own (the requester
	 * an end user without a phone).
	 */
	record RemoteNote(int index, String ticketId, String requesterId, Agent agent) {
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

	/**
	 * Six agents write the notes: crm-bridge looks each author up once and caches it, so
	 * a few of them are looked up first while a fault is on.
	 */
	final List<Agent> agents = IntStream.rangeClosed(1, 6)
		.mapToObj((a) -> new Agent(Long.toString(700_000 + a), "Chaos Agent " + a, "agent" + a + "@chaos.example"))
		.toList();

	final List<RemoteNote> remoteNotes = new ArrayList<>();

	ChaosPlan(int deliveries, String tag) {
		this.tag = tag;
		// a quarter issues (4/3 GitHub deliveries per issue, and a Zendesk note for half
		// of them), 40% Twilio (3 per call), 1% Zendesk /remote notes (one each), the
		// rest Statuspage (4 per incident)
		int issueCount = Math.max(2, Math.round(deliveries * 0.25f / (4f / 3 + 0.5f)));
		int callCount = Math.max(2, Math.round(deliveries * 0.40f / 3));
		int remoteCount = Math.max(2, Math.round(deliveries * 0.01f));
		int incidentCount = Math.max(2, Math.round(deliveries * 0.34f / 4));
		for (int i = 1; i <= issueCount; i++) {
			boolean reopened = i % 3 == 0;
			// i % 4 in {1, 2}: half, among them reopened and reordered issues
			this.issues.add(new Issue(i, Long.toString(100_000 + i), reopened, reopened && i % 6 == 0,
					i % 4 == 1 || i % 4 == 2));
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
		for (int r = 0; r < remoteCount; r++) {
			this.remoteNotes.add(new RemoteNote(r, Long.toString(600_000 + r), Long.toString(610_000 + r),
					this.agents.get(r % this.agents.size())));
		}
	}

	String channel(int page) {
		return String.format("C%s%05d", this.tag.toUpperCase(java.util.Locale.ROOT), page);
	}

	List<Issue> linkedByNote() {
		return this.issues.stream().filter(Issue::linkedByNote).toList();
	}

	int deliveries() {
		int github = this.issues.stream().mapToInt((issue) -> issue.reopened() ? 2 : 1).sum();
		int zendesk = linkedByNote().size() + this.remoteNotes.size();
		return github + zendesk + this.calls.size() * 3 + this.incidents.size() * STATUSES.length;
	}

}
