package dev.switchboard.sandbox.story;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.switchboard.sandbox.github.Issue;
import dev.switchboard.sandbox.github.IssueEvents;
import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import dev.switchboard.sandbox.zendesk.ZendeskEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Story 1: an agent pastes a GitHub issue URL into two tickets (internal notes, sent to
 * the gateway as Zendesk's signed {@code ticket.comment_added} webhooks); engineering
 * closes the issue (GitHub's signed {@code issues} webhook); both tickets reopen with a
 * note. Each step is told with what the simulated systems saw.
 */
@Component
public class IssueClosedStory {

	static final String REPOSITORY = "octo-org/widgets";

	private static final Duration PATIENCE = Duration.ofSeconds(120);

	private final Helpdesk helpdesk;

	private final IssueTracker github;

	private final GatewayWebhooks webhooks;

	private final JsonMapper json;

	private final Clock clock;

	IssueClosedStory(Helpdesk helpdesk, IssueTracker github, GatewayWebhooks webhooks, JsonMapper json, Clock clock) {
		this.helpdesk = helpdesk;
		this.github = github;
		this.webhooks = webhooks;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Plays the story, telling each step; true when both tickets reopened with a note.
	 */
	public boolean play(Consumer<String> tell) {
		User agent = this.helpdesk.addUser("Alice Agent", "alice@example.com", "agent");
		Issue issue = this.github.open(REPOSITORY, "Checkout answers 502 for carts over 50 items");
		List<Ticket> tickets = List.of(customerTicket("Dana Customer", "Checkout fails with a big cart"),
				customerTicket("Eli Customer", "Error 502 when I pay"));
		tell.accept("Story 1: a GitHub issue closed reopens the tickets that reported it");
		tell.accept("  GitHub:  " + issue.htmlUrl() + " \"" + issue.title() + "\" is " + issue.state());
		tickets.forEach((ticket) -> tell
			.accept("  Zendesk: ticket #" + ticket.id() + " \"" + ticket.subject() + "\" is " + ticket.status()));
		for (Ticket ticket : tickets) {
			String note = "Same failure as " + issue.htmlUrl() + " - linking it here.";
			Ticket.Comment comment = this.helpdesk.comment(ticket.id(), agent.id(), note, false);
			String eventId = UUID.randomUUID().toString();
			Ticket now = this.helpdesk.ticket(ticket.id()).orElseThrow();
			GatewayWebhooks.Delivery delivery = this.webhooks.zendesk(eventId, this.json
				.writeValueAsBytes(ZendeskEvents.commentAdded(eventId, now, comment, agent, this.clock.instant())));
			tell.accept("1. " + agent.name() + " pastes the issue URL into ticket #" + ticket.id()
					+ " as an internal note; Zendesk's signed webhook: gateway answered " + delivery.status());
			if (!delivery.accepted()) {
				return failed(tell, "the gateway refused the webhook: " + delivery.answer());
			}
		}
		for (Ticket ticket : tickets) {
			if (!await(() -> notes(ticket.id(), "Linked to ").size() == 1)) {
				return failed(tell, "ticket #" + ticket.id() + " got no \"Linked to\" note from Switchboard");
			}
			tell.accept(
					"   Zendesk saw on #" + ticket.id() + ": " + firstLine(notes(ticket.id(), "Linked to ").get(0)));
		}
		Issue closed = this.github.close(REPOSITORY, issue.number(), "completed");
		GatewayWebhooks.Delivery delivery = this.webhooks.github("issues",
				this.json.writeValueAsBytes(IssueEvents.issues("closed", closed)));
		tell.accept("2. Engineering closes " + closed.htmlUrl()
				+ " (completed); GitHub's signed webhook: gateway answered " + delivery.status());
		if (!delivery.accepted()) {
			return failed(tell, "the gateway refused the webhook: " + delivery.answer());
		}
		tell.accept("   (issue-sync holds the close note up to 30 s for the pull request that fixed it)");
		for (Ticket ticket : tickets) {
			if (!await(() -> reopened(ticket.id()))) {
				return failed(tell, "ticket #" + ticket.id() + " was not reopened with a note");
			}
			Ticket now = this.helpdesk.ticket(ticket.id()).orElseThrow();
			tell.accept("3. Zendesk saw ticket #" + now.id() + " reopened (" + now.status() + ") with the note: "
					+ firstLine(notes(ticket.id(), closed.htmlUrl().replace("https://github.com/", "")).getLast()));
		}
		this.github.issue(REPOSITORY, issue.number())
			.flatMap((now) -> now.comments().stream().reduce((first, last) -> last))
			.ifPresent((comment) -> tell.accept("   GitHub saw on the issue: " + firstLine(comment.body())));
		tell.accept("Story 1 complete: both tickets reopened with a note. See them at the sandbox's page.");
		return true;
	}

	private Ticket customerTicket(String name, String subject) {
		User customer = this.helpdesk.addUser(name,
				name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com", "end-user");
		return this.helpdesk.open(subject, customer.id(), subject + ". Can you help?", "solved");
	}

	private boolean reopened(long ticketId) {
		Ticket ticket = this.helpdesk.ticket(ticketId).orElseThrow();
		return ticket.status().equals("open") && !notes(ticketId, "This ticket was reopened").isEmpty();
	}

	/** Switchboard's internal notes on the ticket that contain the text. */
	private List<String> notes(long ticketId, String text) {
		return this.helpdesk.ticket(ticketId)
			.orElseThrow()
			.comments()
			.stream()
			.filter((comment) -> comment.authorId() == Helpdesk.API_USER && !comment.publicComment())
			.map(Ticket.Comment::body)
			.filter((body) -> body.contains(text))
			.toList();
	}

	private static boolean await(Supplier<Boolean> condition) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.get()) {
				return true;
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private static boolean failed(Consumer<String> tell, String why) {
		tell.accept("Story 1 FAILED: " + why + " (the services' logs are under .switchboard/)");
		return false;
	}

	private static String firstLine(String text) {
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
