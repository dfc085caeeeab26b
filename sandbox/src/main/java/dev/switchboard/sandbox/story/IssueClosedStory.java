package dev.switchboard.sandbox.story;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.github.Issue;
import dev.switchboard.sandbox.github.IssueEvents;
import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Story 1: an agent pastes a GitHub issue URL into two tickets (internal notes, sent to
 * the gateway as Zendesk's signed {@code ticket.comment_added} webhooks); engineering
 * transfers the issue to another repository (a new id and number: the tickets follow it)
 * and closes it there (GitHub's signed {@code issues} webhooks); both tickets reopen with
 * a note. Then the same with a Jira issue in a third ticket ({@link JiraIssueDone}),
 * moved to another project before it is done. Each step is told with what the simulated
 * systems saw. Its steps: transfer the issue (GitHub gives it a new id and number), close
 * the issue, move the Jira issue to Done.
 */
@Component
class IssueClosedStory implements Story {

	static final String REPOSITORY = "octo-org/widgets";

	/** Where the transfer step moves an issue (and back). */
	static final String TRANSFER_REPOSITORY = "octo-org/checkout";

	private final Helpdesk helpdesk;

	private final IssueTracker github;

	private final GatewayWebhooks webhooks;

	private final HelpdeskUi ui;

	private final Cast cast;

	private final Written written;

	private final JsonMapper json;

	private final JiraIssueDone jira;

	IssueClosedStory(Helpdesk helpdesk, IssueTracker github, GatewayWebhooks webhooks, HelpdeskUi ui, Cast cast,
			Written written, JsonMapper json, JiraIssueDone jira) {
		this.helpdesk = helpdesk;
		this.github = github;
		this.webhooks = webhooks;
		this.ui = ui;
		this.cast = cast;
		this.written = written;
		this.json = json;
		this.jira = jira;
	}

	@Override
	public String name() {
		return "issue-closed";
	}

	@Override
	public String title() {
		return "1. A GitHub issue closes, a Jira issue is done";
	}

	@Override
	public List<Step> steps() {
		return List.of(new Step("transfer-issue", "Transfer the issue", this::transferIssue),
				new Step("close-issue", "Close the issue", this::closeIssue),
				new Step("close-jira-issue", "Move the Jira issue to Done", this.jira::closeNewest));
	}

	/**
	 * Plays the story, telling each step; true when both GitHub tickets and the Jira
	 * ticket reopened with a note.
	 */
	@Override
	public boolean play(Consumer<String> tell) {
		User agent = this.cast.agent();
		Issue issue = this.github.open(REPOSITORY, "Checkout answers 502 for carts over 50 items");
		List<Ticket> tickets = List.of(
				this.cast.ticket(this.cast.customer("Dana Customer", null), "Checkout fails with a big cart",
						"Checkout fails with a big cart. Can you help?", "solved"),
				this.cast.ticket(this.cast.customer("Eli Customer", null), "Error 502 when I pay",
						"Error 502 when I pay. Can you help?", "solved"));
		tell.accept("Story 1: a GitHub issue closed, or a Jira issue done, reopens the tickets that reported it");
		tell.accept("  GitHub:  " + issue.htmlUrl() + " \"" + issue.title() + "\" is " + issue.state());
		tickets.forEach((ticket) -> tell
			.accept("  Zendesk: ticket #" + ticket.id() + " \"" + ticket.subject() + "\" is " + ticket.status()));
		for (Ticket ticket : tickets) {
			GatewayWebhooks.Delivery delivery = this.ui.internalNote(ticket.id(), agent,
					"Same failure as " + issue.htmlUrl() + " - linking it here.");
			tell.accept("1. " + agent.name() + " pastes the issue URL into ticket #" + ticket.id()
					+ " as an internal note; Zendesk's signed webhook: gateway answered " + delivery.status());
			if (!delivery.accepted()) {
				return failed(tell, "the gateway refused the webhook: " + delivery.answer());
			}
		}
		for (Ticket ticket : tickets) {
			if (!Await.until(() -> notes(ticket.id(), "Linked to ").size() == 1)) {
				return failed(tell, "ticket #" + ticket.id() + " got no \"Linked to\" note from Switchboard");
			}
			tell.accept("   Zendesk saw on #" + ticket.id() + ": "
					+ Await.firstLine(notes(ticket.id(), "Linked to ").get(0)));
		}
		Optional<Issue> transferred = transfer(issue, tell);
		if (transferred.isEmpty()) {
			return failed(tell, "the gateway refused GitHub's transferred webhook");
		}
		for (Ticket ticket : tickets) {
			if (!Await.until(() -> notes(ticket.id(), " was transferred to ").size() == 1)) {
				return failed(tell, "ticket #" + ticket.id() + " got no note that its issue was transferred");
			}
			tell.accept("   Zendesk saw on #" + ticket.id() + ": "
					+ Await.firstLine(notes(ticket.id(), " was transferred to ").get(0)));
		}
		Optional<Issue> closed = close(transferred.get(), tell);
		if (closed.isEmpty()) {
			return failed(tell, "the gateway refused GitHub's webhook");
		}
		tell.accept("   (issue-sync holds the close note up to 30 s for the pull request that fixed it)");
		for (Ticket ticket : tickets) {
			if (!Await.until(() -> reopened(ticket.id()))) {
				return failed(tell, "ticket #" + ticket.id() + " was not reopened with a note");
			}
			Ticket now = this.helpdesk.ticket(ticket.id()).orElseThrow();
			tell.accept("4. Zendesk saw ticket #" + now.id() + " reopened (" + now.status() + ") with the note: "
					+ Await.firstLine(
							notes(ticket.id(), closed.get().htmlUrl().replace("https://github.com/", "")).getLast()));
		}
		this.github.issue(closed.get().repository(), closed.get().number())
			.flatMap((now) -> now.comments().stream().reduce((first, last) -> last))
			.ifPresent((comment) -> tell.accept("   GitHub saw on the issue: " + Await.firstLine(comment.body())));
		Optional<String> jiraFailed = this.jira.play(tell);
		if (jiraFailed.isPresent()) {
			return failed(tell, jiraFailed.get());
		}
		tell.accept("Story 1 complete: the three tickets reopened with a note. See them at the sandbox's page.");
		return true;
	}

	/** The step: engineering closes the newest open issue. */
	private void closeIssue(Consumer<String> tell) {
		Optional<Issue> open = newestOpenIssue();
		if (open.isEmpty()) {
			tell.accept("No open issue to close: play story 1, it opens one and links two tickets to it.");
			return;
		}
		close(open.get(), tell);
	}

	/**
	 * The step: engineering transfers the newest open issue to another repository. GitHub
	 * gives it a new id and number there and sends {@code issues} {@code transferred}
	 * from the old one; issue-sync moves the links of its tickets to the new issue, so
	 * closing it afterwards still reopens them.
	 */
	private void transferIssue(Consumer<String> tell) {
		Optional<Issue> open = newestOpenIssue();
		if (open.isEmpty()) {
			tell.accept("No open issue to transfer: play story 1, it opens one and links two tickets to it.");
			return;
		}
		transfer(open.get(), tell);
	}

	private Optional<Issue> newestOpenIssue() {
		return this.github.issues().reversed().stream().filter((issue) -> issue.state().equals("open")).findFirst();
	}

	private Optional<Issue> transfer(Issue from, Consumer<String> tell) {
		String to = from.repository().equals(TRANSFER_REPOSITORY) ? REPOSITORY : TRANSFER_REPOSITORY;
		Issue moved = this.github.transfer(from.repository(), from.number(), to);
		GatewayWebhooks.Delivery delivery = this.webhooks.github("issues",
				this.json.writeValueAsBytes(IssueEvents.transferred(from, moved)));
		tell.accept(
				"2. Engineering transfers " + from.htmlUrl() + " to " + to + ": GitHub gives it a new id (" + from.id()
						+ " → " + moved.id() + ") and number (#" + moved.number() + "), its old address answers 301; "
						+ "GitHub's signed webhook: gateway answered " + delivery.status());
		return delivery.accepted() ? Optional.of(moved) : Optional.empty();
	}

	private Optional<Issue> close(Issue issue, Consumer<String> tell) {
		Issue closed = this.github.close(issue.repository(), issue.number(), "completed");
		GatewayWebhooks.Delivery delivery = this.webhooks.github("issues",
				this.json.writeValueAsBytes(IssueEvents.issues("closed", closed)));
		tell.accept("3. Engineering closes " + closed.htmlUrl()
				+ " (completed); GitHub's signed webhook: gateway answered " + delivery.status());
		return delivery.accepted() ? Optional.of(closed) : Optional.empty();
	}

	private boolean reopened(long ticketId) {
		Ticket ticket = this.helpdesk.ticket(ticketId).orElseThrow();
		return ticket.status().equals("open") && !notes(ticketId, "This ticket was reopened").isEmpty();
	}

	private List<String> notes(long ticketId, String text) {
		return this.written.notes(ticketId, text);
	}

	private static boolean failed(Consumer<String> tell, String why) {
		tell.accept("Story 1 FAILED: " + why + " (the services' logs are under .switchboard/)");
		return false;
	}

}
