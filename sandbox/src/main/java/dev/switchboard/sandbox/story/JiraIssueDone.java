package dev.switchboard.sandbox.story;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.jira.JiraEvents;
import dev.switchboard.sandbox.jira.JiraIssue;
import dev.switchboard.sandbox.jira.JiraSite;
import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.webhook.SandboxProperties;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Story 1's Jira part: an agent pastes a Jira issue URL into a third ticket; engineering
 * moves the issue to another project (its key changes, its id does not) and then to Done
 * (Jira's signed {@code jira:issue_updated} webhooks); the ticket reopens with a note
 * naming the new key. Its step: move the newest unfinished Jira issue to Done.
 */
@Component
class JiraIssueDone {

	static final String PROJECT = "SUP";

	static final String MOVED_TO = "ENG";

	private final Helpdesk helpdesk;

	private final JiraSite jira;

	private final GatewayWebhooks webhooks;

	private final HelpdeskUi ui;

	private final Cast cast;

	private final Written written;

	private final JsonMapper json;

	private final String site;

	JiraIssueDone(Helpdesk helpdesk, JiraSite jira, GatewayWebhooks webhooks, HelpdeskUi ui, Cast cast, Written written,
			JsonMapper json, SandboxProperties properties) {
		this.helpdesk = helpdesk;
		this.jira = jira;
		this.webhooks = webhooks;
		this.ui = ui;
		this.cast = cast;
		this.written = written;
		this.json = json;
		this.site = properties.link("/jira");
	}

	/** Plays the part, telling each step; the reason it failed, or empty. */
	Optional<String> play(Consumer<String> tell) {
		User agent = this.cast.agent();
		JiraIssue issue = this.jira.create(PROJECT, "Exports stall at 99 % for reports over 10,000 rows");
		Ticket ticket = this.cast.ticket(this.cast.customer("Ivy Customer", null), "My export never finishes",
				"My export never finishes. Can you help?", "solved");
		String url = this.site + "/browse/" + issue.key();
		tell.accept("  Jira:    " + issue.key() + " (id " + issue.id() + ") \"" + issue.summary() + "\" is "
				+ issue.status().statusName());
		GatewayWebhooks.Delivery note = this.ui.internalNote(ticket.id(), agent,
				"Looks like " + url + " - linking it here.");
		tell.accept("4. " + agent.name() + " pastes the Jira issue URL into ticket #" + ticket.id()
				+ "; Zendesk's signed webhook: gateway answered " + note.status());
		if (!note.accepted()) {
			return Optional.of("the gateway refused the webhook: " + note.answer());
		}
		if (!Await.until(() -> this.written.notes(ticket.id(), "Linked to ").size() == 1)) {
			return Optional.of("ticket #" + ticket.id() + " got no \"Linked to\" note from Switchboard");
		}
		tell.accept("   Zendesk saw on #" + ticket.id() + ": "
				+ Await.firstLine(this.written.notes(ticket.id(), "Linked to ").get(0)));
		JiraIssue moved = this.jira.move(issue.id(), MOVED_TO);
		GatewayWebhooks.Delivery move = send(JiraEvents.moved(issue, moved, this.site));
		tell.accept("5. Engineering moves " + issue.key() + " to project " + MOVED_TO + ": now " + moved.key() + ", id "
				+ moved.id() + " unchanged; Jira's signed webhook: gateway answered " + move.status());
		Optional<JiraIssue> done = done(moved, tell);
		if (!move.accepted() || done.isEmpty()) {
			return Optional.of("the gateway refused Jira's webhook");
		}
		if (!Await.until(() -> reopened(ticket.id(), done.get().key()))) {
			return Optional.of("ticket #" + ticket.id() + " was not reopened with a note naming " + done.get().key());
		}
		Ticket now = this.helpdesk.ticket(ticket.id()).orElseThrow();
		tell.accept("7. Zendesk saw ticket #" + now.id() + " reopened (" + now.status() + ") with the note: "
				+ Await.firstLine(this.written.notes(ticket.id(), done.get().key()).getLast()));
		return Optional.empty();
	}

	/** The step: engineering moves the newest unfinished Jira issue to Done. */
	void closeNewest(Consumer<String> tell) {
		Optional<JiraIssue> open = this.jira.issues()
			.reversed()
			.stream()
			.filter((issue) -> issue.status() != JiraIssue.Status.DONE)
			.findFirst();
		if (open.isEmpty()) {
			tell.accept("No unfinished Jira issue: play story 1, it creates one and links a ticket to it.");
			return;
		}
		done(open.get(), tell);
	}

	private Optional<JiraIssue> done(JiraIssue issue, Consumer<String> tell) {
		JiraIssue done = this.jira.transition(issue.id(), JiraIssue.Status.DONE);
		GatewayWebhooks.Delivery delivery = send(JiraEvents.transitioned(issue, done, this.site));
		tell.accept("6. Engineering moves " + done.key() + " from " + issue.status().statusName() + " to Done; "
				+ "Jira's signed webhook: gateway answered " + delivery.status());
		return delivery.accepted() ? Optional.of(done) : Optional.empty();
	}

	private GatewayWebhooks.Delivery send(Object payload) {
		return this.webhooks.jira(this.json.writeValueAsBytes(payload));
	}

	private boolean reopened(long ticketId, String key) {
		Ticket ticket = this.helpdesk.ticket(ticketId).orElseThrow();
		List<String> notes = this.written.notes(ticketId, key);
		return ticket.status().equals("open") && notes.stream().anyMatch((n) -> n.contains("reopened"));
	}

}
