package dev.switchboard.sandbox.story;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.slack.Message;
import dev.switchboard.sandbox.slack.Workspace;
import dev.switchboard.sandbox.statuspage.StatusIncident;
import dev.switchboard.sandbox.statuspage.StatusPage;
import dev.switchboard.sandbox.statuspage.StatuspageEvents;
import dev.switchboard.sandbox.teams.TeamsChannels;
import dev.switchboard.sandbox.teams.TeamsPost;
import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.webhook.SandboxProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Story 2: the status page opens an incident on the API and posts two updates, each sent
 * to the gateway as Statuspage's webhook (and shown in the page's Atom feed, which
 * statuspage-feed polls); the two Slack channels that follow the API get one thread each,
 * the one that follows Billing gets nothing, the Teams channel gets a card per update.
 * Its step: post the next update (or open an incident).
 */
@Component
class StatusIncidentStory implements Story {

	static final String INCIDENT = "Elevated error rates on the public API";

	private static final List<String> AFFECTED = List.of("API");

	private static final List<String> NEXT = List.of("identified", "monitoring", "resolved");

	private final StatusPage page;

	private final Workspace slack;

	private final TeamsChannels teams;

	private final CustomerChannels channels;

	private final GatewayWebhooks webhooks;

	private final SandboxProperties properties;

	private final JsonMapper json;

	StatusIncidentStory(StatusPage page, Workspace slack, TeamsChannels teams, CustomerChannels channels,
			GatewayWebhooks webhooks, SandboxProperties properties, JsonMapper json) {
		this.page = page;
		this.slack = slack;
		this.teams = teams;
		this.channels = channels;
		this.webhooks = webhooks;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public String name() {
		return "status-incident";
	}

	@Override
	public String title() {
		return "2. A status incident";
	}

	@Override
	public List<Step> steps() {
		return List.of(new Step("incident-update", "Post an incident update", this::nextUpdate));
	}

	@Override
	public boolean play(Consumer<String> tell) {
		tell.accept("Story 2: a status incident reaches each customer's own Slack or Teams channel");
		tell.accept("1. The customers subscribe through the admin API (Statuspage page " + StatusPage.PAGE_ID
				+ ", its webhooks and " + this.properties.link("/statuspage/history.atom") + ")");
		if (!this.channels.subscribe(tell)) {
			return failed(tell, "the admin API refused the subscriptions");
		}
		Optional<StatusIncident> opened = send(tell, "2. The status page opens an incident",
				this.page.open(INCIDENT, "major", AFFECTED, "We are investigating elevated error rates on the API."));
		if (opened.isEmpty()) {
			return failed(tell, "the gateway refused Statuspage's webhook");
		}
		String code = opened.get().code();
		if (!sawEverywhere(tell, code, 1)) {
			return false;
		}
		if (send(tell, "3. The status page posts an update",
				this.page.post(code, "identified",
						"The cause is a faulty load balancer in one region; we are moving traffic away from it."))
			.isEmpty() || !sawEverywhere(tell, code, 2)) {
			return failed(tell, "the update did not reach every channel");
		}
		if (send(tell, "4. The status page posts an update",
				this.page.post(code, "resolved", "Error rates are back to normal. We are sorry for the trouble."))
			.isEmpty() || !sawEverywhere(tell, code, 3)) {
			return failed(tell, "the resolution did not reach every channel");
		}
		if (!Await.until(() -> parent(CustomerChannels.GLOBEX, code).map(Message::edited).orElse(false))) {
			return failed(tell, "the thread's parent in " + CustomerChannels.GLOBEX.label() + " was not edited");
		}
		tell.accept("   Slack: the threads' parents were edited to the latest status");
		List<Message> unaffected = thread(CustomerChannels.UMBRELLA, code);
		tell.accept("   Slack saw in " + CustomerChannels.UMBRELLA.label() + " (follows Billing only): "
				+ unaffected.size() + " messages");
		if (!unaffected.isEmpty()) {
			return failed(tell, CustomerChannels.UMBRELLA.label() + " got the incident though it follows Billing only");
		}
		tell.accept("Story 2 complete: one thread in each API channel, nothing for Billing, a Teams card per update.");
		return true;
	}

	/** The step: the next status of the open incident, or a new incident. */
	private void nextUpdate(Consumer<String> tell) {
		if (!this.channels.subscribe(tell)) {
			tell.accept("The admin API refused the subscriptions; the update is posted anyway.");
		}
		Optional<StatusIncident> open = this.page.open();
		if (open.isEmpty()) {
			send(tell, "The status page opens an incident", this.page.open(INCIDENT, "major", AFFECTED,
					"We are investigating elevated error rates on the API."));
			return;
		}
		StatusIncident incident = open.get();
		int next = Math.max(NEXT.indexOf(incident.status()) + 1, 0);
		send(tell, "The status page posts an update",
				this.page.post(incident.code(), NEXT.get(Math.min(next, NEXT.size() - 1)),
						"Update " + incident.updates().size() + " on the incident, posted from the sandbox's page."));
	}

	private Optional<StatusIncident> send(Consumer<String> tell, String what, StatusIncident incident) {
		String link = this.properties.link("/statuspage/incidents/" + incident.code());
		GatewayWebhooks.Delivery delivery = this.webhooks.statuspage(incident.latest().id(),
				this.json.writeValueAsBytes(StatuspageEvents.incident(incident, link)));
		tell.accept(what + ": \"" + incident.name() + "\" is " + incident.status() + " (" + incident.code()
				+ ", affects " + String.join(", ", incident.components()) + "); Statuspage's webhook: gateway answered "
				+ delivery.status());
		return delivery.accepted() ? Optional.of(incident) : Optional.empty();
	}

	/** Every follower of the API shows the incident's first {@code updates} updates. */
	private boolean sawEverywhere(Consumer<String> tell, String code, int updates) {
		for (CustomerChannels.Audience audience : List.of(CustomerChannels.GLOBEX, CustomerChannels.INITECH)) {
			if (!Await.until(() -> thread(audience, code).size() == updates)) {
				return failed(tell, audience.label() + " shows " + thread(audience, code).size()
						+ " messages of the incident, not " + updates);
			}
			Message last = thread(audience, code).getLast();
			tell.accept("   Slack saw in " + audience.label() + ": "
					+ (last.reply() ? "a reply in the thread: " + last.text() : "a new thread: " + last.text()));
		}
		CustomerChannels.Audience hooli = CustomerChannels.HOOLI;
		if (!Await.until(() -> cards(code).size() == updates)) {
			return failed(tell,
					hooli.label() + " shows " + cards(code).size() + " cards of the incident, not " + updates);
		}
		tell.accept("   Teams saw in " + hooli.label() + ": an Adaptive Card \""
				+ cards(code).getLast().card().summary() + "\"");
		return true;
	}

	/** The incident's thread in the channel: its parent, then the replies. */
	private List<Message> thread(CustomerChannels.Audience audience, String code) {
		return parent(audience, code)
			.map((parent) -> this.slack.messages(audience.channel())
				.stream()
				.filter((message) -> message.ts().equals(parent.ts()) || parent.ts().equals(message.threadTs()))
				.toList())
			.orElse(List.of());
	}

	private Optional<Message> parent(CustomerChannels.Audience audience, String code) {
		return this.slack.messages(audience.channel())
			.stream()
			.filter((message) -> !message.reply() && message.attachments()
				.stream()
				.anyMatch((attachment) -> String.valueOf(attachment.get("title_link")).endsWith("/" + code)))
			.findFirst();
	}

	private List<TeamsPost> cards(String code) {
		return this.teams.posts()
			.stream()
			.filter((post) -> post.channel().equals(CustomerChannels.HOOLI.channel()) && post.body().contains(code))
			.toList();
	}

	private static boolean failed(Consumer<String> tell, String why) {
		tell.accept("Story 2 FAILED: " + why + " (the services' logs are under .switchboard/)");
		return false;
	}

}
