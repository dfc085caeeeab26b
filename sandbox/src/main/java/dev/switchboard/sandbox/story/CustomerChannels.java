package dev.switchboard.sandbox.story;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.switchboard.sandbox.admin.GatewayAdmin;
import dev.switchboard.sandbox.slack.Workspace;
import dev.switchboard.sandbox.statuspage.StatusPage;
import dev.switchboard.sandbox.teams.TeamsChannels;
import dev.switchboard.sandbox.webhook.SandboxProperties;

import org.springframework.stereotype.Component;

/**
 * The customers who follow the status page, each in a channel of their own: two Slack
 * channels subscribed to the API, one to Billing only, and a Teams channel to everything.
 * Their subscriptions are made through the gateway's admin API, once (a subscription of
 * the same name is left as it is).
 */
@Component
class CustomerChannels {

	static final Audience GLOBEX = new Audience("Globex status (Slack)", "slack", "C0GLOBEX001", "#globex-status",
			List.of("API"));

	static final Audience INITECH = new Audience("Initech status (Slack)", "slack", "C0INITECH01", "#initech-status",
			List.of("API", "Dashboard"));

	static final Audience UMBRELLA = new Audience("Umbrella billing status (Slack)", "slack", "C0UMBRELA01",
			"#umbrella-billing", List.of("Billing"));

	static final Audience HOOLI = new Audience("Hooli status (Teams)", "teams", "Hooli › Service status",
			"Hooli › Service status", List.of());

	static final List<Audience> ALL = List.of(GLOBEX, INITECH, UMBRELLA, HOOLI);

	private final Workspace slack;

	private final TeamsChannels teams;

	private final GatewayAdmin admin;

	private final SandboxProperties properties;

	CustomerChannels(Workspace slack, TeamsChannels teams, GatewayAdmin admin, SandboxProperties properties) {
		this.slack = slack;
		this.teams = teams;
		this.admin = admin;
		this.properties = properties;
	}

	/**
	 * Makes the channels and the subscriptions that are missing; false when the admin API
	 * refused.
	 */
	boolean subscribe(Consumer<String> tell) {
		GatewayAdmin.Answer existing = this.admin.subscriptions();
		if (!existing.ok()) {
			tell.accept("   the admin API answered GET /api/subscriptions with " + existing.status() + ": "
					+ existing.body());
			return false;
		}
		Set<String> names = new HashSet<>();
		existing.json().forEach((subscription) -> names.add(subscription.path("name").asString("")));
		for (Audience audience : ALL) {
			if (audience.kind().equals("slack")) {
				this.slack.channel(audience.channel(), audience.label());
			}
			if (names.contains(audience.name())) {
				continue;
			}
			GatewayAdmin.Answer created = this.admin.subscribe(subscription(audience));
			tell.accept("   POST /api/subscriptions \"" + audience.name() + "\" ("
					+ (audience.components().isEmpty() ? "every component" : String.join(", ", audience.components()))
					+ "): " + created.status());
			if (!created.ok()) {
				tell.accept("   " + created.body());
				return false;
			}
		}
		return true;
	}

	private Map<String, Object> subscription(Audience audience) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", audience.name());
		body.put("source", Map.of("type", "statuspage", "pageId", StatusPage.PAGE_ID, "feedUrl",
				this.properties.link("/statuspage/history.atom")));
		body.put("channel",
				audience.kind().equals("slack") ? Map.of("type", "slack", "channelId", audience.channel())
						: Map.of("type", "teams", "webhookUrl",
								this.teams.workflow(audience.channel()).url(this.properties.link(""))));
		body.put("components", audience.components());
		return body;
	}

	/**
	 * A customer's channel: {@code channel} is the Slack channel id or the Teams
	 * channel's name; no components means every component.
	 */
	record Audience(String name, String kind, String channel, String label, List<String> components) {

		boolean follows(List<String> affected) {
			return this.components.isEmpty() || affected.stream().anyMatch(this.components::contains);
		}

	}

}
