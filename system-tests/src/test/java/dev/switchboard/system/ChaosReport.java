package dev.switchboard.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, from what the fakes recorded, every effect the plan expects: applied once,
 * applied more than once, missing, and order violations per entity (a note about an
 * earlier issue state after a later one; a Slack reply before its thread's parent, in
 * another thread, or before an earlier update's reply; a remote session's end note before
 * its invitation). The links asked for by Zendesk notes are read back through the admin
 * API.
 */
final class ChaosReport {

	private static final String DASH = " \u2013 ";

	/**
	 * issue-sync's state notes read {@code <issue> "<title>" was closed …}: the quote
	 * keeps the close note's own sentence "This ticket was reopened so you can tell the
	 * customer." from counting as a reopened note.
	 */
	private static final String CLOSED_NOTE = "\" was closed";

	private static final String REOPENED_NOTE = "\" was reopened";

	/** One kind of effect. */
	static final class Row {

		final String effect;

		long expected;

		long once;

		long duplicated;

		long missing;

		long outOfOrder;

		final List<String> examples = new ArrayList<>();

		Row(String effect) {
			this.effect = effect;
		}

		void count(int applied, String what) {
			this.expected++;
			if (applied == 1) {
				this.once++;
			}
			else if (applied == 0) {
				this.missing++;
				example("missing: " + what);
			}
			else {
				this.duplicated++;
				example(applied + "x: " + what);
			}
		}

		void violation(String what) {
			this.outOfOrder++;
			example("out of order: " + what);
		}

		private void example(String text) {
			if (this.examples.size() < 5) {
				this.examples.add(text);
			}
		}

	}

	final Map<String, Row> rows = new LinkedHashMap<>();

	Instant lastEffect = Instant.EPOCH;

	/**
	 * @param fresh read every note's link again (else a link seen once is taken as there)
	 */
	ChaosReport(ChaosPlan plan, ChaosSaas saas, ChaosAdmin admin, boolean fresh) throws InterruptedException {
		issues(plan, saas.zendesk, saas.github);
		links(plan, admin, fresh);
		calls(plan, saas.zendesk);
		incidents(plan, saas.slack);
		remoteSessions(plan, saas.zendesk, saas.teamviewer);
	}

	private Row row(String effect) {
		return this.rows.computeIfAbsent(effect, Row::new);
	}

	private void issues(ChaosPlan plan, ChaosZendesk zendesk, ChaosGithub github) {
		for (ChaosPlan.Issue issue : plan.issues) {
			List<ChaosZendesk.Comment> comments = zendesk.comments(issue.ticketId());
			comments.forEach((comment) -> seen(comment.at()));
			String what = "ticket " + issue.ticketId() + ", issue #" + issue.number();
			row("issue-sync: 'Linked to' note").count(count(comments, "Linked to "),
					what + details(comments, "Linked to "));
			int closed = count(comments, CLOSED_NOTE);
			if (issue.reordered()) {
				// reopened arrives first: issue-sync knew the issue open, so there is no
				// change to note, and closed arrives late and is dropped as stale. When
				// the reopened delivery was lost (GitHub never retries) or is applied
				// after it (competing consumers, a redelivery), the closed is noted and
				// the reopen is noted after it (by its webhook or reconciliation). Wrong
				// is a closed note that is the ticket's last word on the issue.
				Row row = row("issue-sync: reopened sent before closed (no note required, none stale)");
				int open = count(comments, REOPENED_NOTE);
				row.count((open <= 1 && closed <= 1) ? 1 : Math.max(open, closed),
						what + details(comments, REOPENED_NOTE, CLOSED_NOTE));
				if (closed > 0 && (open == 0 || last(comments, CLOSED_NOTE) > first(comments, REOPENED_NOTE))) {
					row.violation(what + ": the closed state noted after the reopen, or never followed by it");
				}
			}
			else if (issue.reopened() && !delivered(plan, github, issue, "closed")) {
				// GitHub's closed delivery failed at the gateway (GitHub retries none):
				// issue-sync knew the issue open and the reopen (or reconciliation) shows
				// it open, so there is nothing to note, unless reconciliation read the
				// short-lived closed state: then closed, then reopened
				Row row = row("issue-sync: closed lost at the gateway, then reopened (nothing to note)");
				int open = count(comments, REOPENED_NOTE);
				row.count((open <= 1 && closed <= 1) ? 1 : Math.max(open, closed),
						what + details(comments, REOPENED_NOTE, CLOSED_NOTE));
				if (closed > 0 && (open == 0 || last(comments, CLOSED_NOTE) > first(comments, REOPENED_NOTE))) {
					row.violation(what + ": the closed state noted as the last word");
				}
			}
			else if (issue.reopened()) {
				row("issue-sync: note of the issue's last state (reopened)").count(count(comments, REOPENED_NOTE),
						what + details(comments, REOPENED_NOTE));
				if (closed > 1) {
					row("issue-sync: note of an earlier state (closed, may be dropped as stale)").count(closed,
							what + details(comments, CLOSED_NOTE));
				}
				if (closed > 0 && last(comments, CLOSED_NOTE) > first(comments, REOPENED_NOTE)) {
					row("issue-sync: note of the issue's last state (reopened)")
						.violation(what + ": closed after open");
				}
			}
			else {
				row("issue-sync: note of the issue's last state (closed)").count(closed,
						what + details(comments, CLOSED_NOTE));
				row("crm-bridge: ticket reopened in Zendesk")
					.count(zendesk.status(issue.ticketId()).equals("open") ? 1 : 0, what);
			}
		}
	}

	private void links(ChaosPlan plan, ChaosAdmin admin, boolean fresh) throws InterruptedException {
		for (ChaosPlan.Issue issue : plan.linkedByNote()) {
			int links = admin.links(issue.ticketId(), issue.url(), fresh);
			for (int attempt = 0; links < 0 && attempt < 3; attempt++) {
				Thread.sleep(2000);
				links = admin.links(issue.ticketId(), issue.url(), fresh);
			}
			row("issue-sync: link made from a Zendesk note (admin API)").count(Math.max(0, links),
					"ticket " + issue.ticketId() + ", issue #" + issue.number()
							+ ((links < 0) ? " (the admin API did not answer)" : ""));
		}
	}

	private void remoteSessions(ChaosPlan plan, ChaosZendesk zendesk, ChaosTeamviewer teamviewer) {
		for (ChaosPlan.RemoteNote note : plan.remoteNotes) {
			String what = "ticket " + note.ticketId() + " (/remote by " + note.agent().email() + ")";
			List<ChaosTeamviewer.Session> sessions = teamviewer.sessions(note.ticketId());
			sessions.forEach((session) -> seen(session.created()));
			row("remote-session: TeamViewer session created").count(sessions.size(), what);
			List<ChaosZendesk.Comment> comments = zendesk.comments(note.ticketId());
			comments.forEach((comment) -> seen(comment.at()));
			String invitation = "Remote session created with ";
			row("remote-session: technician link note").count(count(comments, invitation), what);
			int replies = (int) comments.stream()
				.filter((comment) -> comment.publicComment() && comment.body().contains(ChaosTeamviewer.CUSTOMER_LINK))
				.count();
			row("remote-session: customer join link (public reply)").count(replies, what);
			// the one closing note must say the session ended; a failed or expired one
			// besides it is a second closing note, instead of it a missing end
			int ended = count(comments, "Remote session ended (");
			int otherwise = count(comments, "Remote session failed (")
					+ count(comments, "Remote session invitation expired (");
			Row end = row("remote-session: end note (ended, duration)");
			end.count((ended == 0) ? 0 : ended + otherwise,
					what + ((otherwise > 0) ? ", closed as failed/expired" : ""));
			int invited = first(comments, invitation);
			if (ended > 0 && invited != Integer.MAX_VALUE && first(comments, "Remote session ended (") < invited) {
				end.violation(what + ": the end note before the invitation");
			}
		}
	}

	private void calls(ChaosPlan plan, ChaosZendesk zendesk) {
		for (ChaosPlan.Call call : plan.calls) {
			List<ChaosZendesk.Comment> comments = zendesk.comments(call.caller().ticketId());
			comments.forEach((comment) -> seen(comment.at()));
			row("crm-bridge: call log note on the caller's ticket").count(count(comments, "Call: " + call.sid()),
					call.sid() + (call.reordered() ? " (callbacks reordered)" : "")
							+ details(comments, "Call: " + call.sid()));
		}
	}

	private void incidents(ChaosPlan plan, ChaosSlack slack) {
		List<ChaosSlack.Message> messages = slack.messages();
		messages.forEach((message) -> seen(message.at()));
		for (ChaosPlan.Incident incident : plan.incidents) {
			List<ChaosSlack.Message> channel = messages.stream()
				.filter((message) -> message.channel().equals(incident.channel()))
				.toList();
			String what = incident.name() + " in " + incident.channel()
					+ (incident.reordered() ? " (updates 2 and 3 sent swapped)" : "");
			List<Integer> parents = new ArrayList<>();
			for (int i = 0; i < channel.size(); i++) {
				if (channel.get(i).threadTs() == null && channel.get(i).text().startsWith(incident.name() + DASH)) {
					parents.add(i);
				}
			}
			row("statuspage-feed: Slack thread parent (update 1)").count(parents.size(), what);
			String parentTs = parents.isEmpty() ? null : channel.get(parents.get(0)).ts();
			int previous = parents.isEmpty() ? -1 : parents.get(0);
			for (int update = 2; update <= ChaosPlan.STATUSES.length; update++) {
				String text = ChaosStatuspage.text(incident, update);
				List<Integer> replies = new ArrayList<>();
				for (int i = 0; i < channel.size(); i++) {
					if (channel.get(i).threadTs() != null
							&& channel.get(i).text().endsWith(DASH.strip() + " " + text)) {
						replies.add(i);
					}
				}
				Row row = row("statuspage-feed: Slack thread reply (updates 2-4)");
				row.count(replies.size(), what + ", update " + update);
				for (int reply : replies) {
					if (parentTs == null || !parentTs.equals(channel.get(reply).threadTs())) {
						row.violation(what + ", update " + update + " outside the incident's first thread");
					}
					else if (reply < parents.get(0)) {
						row.violation(what + ", update " + update + " before its parent");
					}
				}
				if (!replies.isEmpty()) {
					if (replies.get(0) < previous) {
						row.violation(what + ", update " + update + " before update " + (update - 1));
					}
					previous = replies.get(0);
				}
			}
		}
	}

	private void seen(Instant at) {
		if (at.isAfter(this.lastEffect)) {
			this.lastEffect = at;
		}
	}

	long expected() {
		return this.rows.values().stream().mapToLong((row) -> row.expected).sum();
	}

	long missing() {
		return this.rows.values().stream().mapToLong((row) -> row.missing).sum();
	}

	long duplicated() {
		return this.rows.values().stream().mapToLong((row) -> row.duplicated).sum();
	}

	long outOfOrder() {
		return this.rows.values().stream().mapToLong((row) -> row.outOfOrder).sum();
	}

	void print() {
		System.out.println();
		System.out.println("| effect | expected | applied once | applied twice or more | missing | out of order |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		this.rows.values()
			.forEach((row) -> System.out.printf("| %s | %d | %d | %d | %d | %d |%n", row.effect, row.expected, row.once,
					row.duplicated, row.missing, row.outOfOrder));
		System.out.printf("| **all** | %d | %d | %d | %d | %d |%n", expected(),
				this.rows.values().stream().mapToLong((row) -> row.once).sum(), duplicated(), missing(), outOfOrder());
		for (Row row : this.rows.values()) {
			row.examples.forEach((example) -> System.out.println("  " + row.effect + ": " + example));
		}
	}

	/** Whether the gateway accepted this GitHub webhook (GitHub retries none). */
	private static boolean delivered(ChaosPlan plan, ChaosGithub github, ChaosPlan.Issue issue, String action) {
		return github.delivered(
				java.util.UUID
					.nameUUIDFromBytes((plan.tag + ":github:" + issue.number() + ":" + action)
						.getBytes(java.nio.charset.StandardCharsets.UTF_8))
					.toString());
	}

	private static int count(List<ChaosZendesk.Comment> comments, String text) {
		return (int) comments.stream().filter((comment) -> comment.body().contains(text)).count();
	}

	/**
	 * What a duplicate is made of: when more than one comment carries one of the texts,
	 * each such comment's time and its last line (the command markers {@code [sb:…]}), so
	 * that one command written twice is told from two commands.
	 */
	private static String details(List<ChaosZendesk.Comment> comments, String... texts) {
		List<ChaosZendesk.Comment> matching = comments.stream()
			.filter((comment) -> java.util.Arrays.stream(texts).anyMatch(comment.body()::contains))
			.toList();
		if (matching.size() < 2) {
			return "";
		}
		StringBuilder details = new StringBuilder(" [");
		for (ChaosZendesk.Comment comment : matching) {
			String body = comment.body().strip();
			String lastLine = body.substring(body.lastIndexOf('\n') + 1);
			String firstLine = body.lines().findFirst().orElse("");
			details.append("\n    ")
				.append(comment.at())
				.append(" #")
				.append(comment.id())
				.append(": ")
				.append(firstLine, 0, Math.min(firstLine.length(), 80))
				.append(" | ")
				.append(lastLine);
		}
		return details.append("]").toString();
	}

	private static int first(List<ChaosZendesk.Comment> comments, String text) {
		for (int i = 0; i < comments.size(); i++) {
			if (comments.get(i).body().contains(text)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	private static int last(List<ChaosZendesk.Comment> comments, String text) {
		for (int i = comments.size() - 1; i >= 0; i--) {
			if (comments.get(i).body().contains(text)) {
				return i;
			}
		}
		return -1;
	}

}
