package dev.switchboard.sandbox.story;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.admin.GatewayAdmin;
import dev.switchboard.sandbox.guacamole.GuacamoleConnection;
import dev.switchboard.sandbox.guacamole.GuacamoleServer;
import dev.switchboard.sandbox.guacamole.LoginOutcome;
import dev.switchboard.sandbox.guacamole.Tunnels;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;

import org.springframework.stereotype.Component;

/**
 * Story 4's Guacamole part: the agent starts a Guacamole session from a ticket through
 * the admin API, as the helpdesk app does (a connection is needed, which a
 * {@code /remote} note cannot give); remote-session's link is opened at the simulated
 * Guacamole, which decrypts and verifies its JSON; the agent connects and disconnects
 * (the start and end pushed as signed Standard Webhooks events); the ticket gets the
 * summary. Its steps: start a Guacamole session, connect, disconnect.
 */
@Component
class GuacamoleSession {

	static final Map<String, Object> CONNECTION = Map.of("protocol", "rdp", "hostname", "ts01.corp.example", "port",
			3389, "parameters", Map.of("ignore-cert", "true"));

	private final GatewayAdmin admin;

	private final GuacamoleServer guacamole;

	private final Tunnels tunnels;

	private final Cast cast;

	private final Written written;

	GuacamoleSession(GatewayAdmin admin, GuacamoleServer guacamole, Tunnels tunnels, Cast cast, Written written) {
		this.admin = admin;
		this.guacamole = guacamole;
		this.tunnels = tunnels;
		this.cast = cast;
		this.written = written;
	}

	/** Plays the part, telling each step; the reason it failed, or empty. */
	Optional<String> play(Consumer<String> tell) {
		User hal = this.cast.customer("Hal Customer", null);
		Ticket ticket = this.cast.ticket(hal, "The terminal server drops my session",
				"Every few minutes ts01 drops my remote desktop session.", "open");
		tell.accept("  Zendesk: ticket #" + ticket.id() + " \"" + ticket.subject() + "\", " + ticket.status());
		Optional<URI> link = start(ticket, tell);
		if (link.isEmpty()) {
			return Optional.of("remote-session started no Guacamole session for ticket #" + ticket.id());
		}
		if (!Await.until(() -> !this.written.notes(ticket.id(), link.get().toString()).isEmpty())) {
			return Optional.of("ticket #" + ticket.id() + " got no internal note with the agent's Guacamole link");
		}
		tell.accept("   Zendesk saw on #" + ticket.id() + ": an internal note with the agent's Guacamole link");
		Optional<GuacamoleConnection> opened = open(link.get(), tell);
		if (opened.isEmpty()) {
			return Optional.of("Guacamole refused the link");
		}
		String name = opened.get().name();
		if (!connect(name, tell) || !Await.pause(RemoteSessionStory.SESSION) || !disconnect(name, tell)) {
			return Optional.of("the gateway refused Guacamole's event");
		}
		if (!Await.until(() -> !this.written.notes(ticket.id(), "Remote session ended").isEmpty())) {
			return Optional.of("ticket #" + ticket.id() + " got no summary of the Guacamole session");
		}
		tell.accept("   Zendesk saw on #" + ticket.id() + ": "
				+ this.written.notes(ticket.id(), "Remote session ended").getFirst().replace('\n', ' '));
		return Optional.empty();
	}

	/** The step: a Guacamole session for a new ticket. */
	void startForNewTicket(Consumer<String> tell) {
		Ticket ticket = this.cast.ticket(this.cast.customer("Hal Customer", null),
				"The terminal server drops my session", "Every few minutes ts01 drops my remote desktop session.",
				"open");
		start(ticket, tell).ifPresent((link) -> open(link, tell));
	}

	/** The step: the agent connects the newest available Guacamole connection. */
	void connectNewest(Consumer<String> tell) {
		this.guacamole.connections()
			.reversed()
			.stream()
			.filter((connection) -> connection.state().equals("available"))
			.findFirst()
			.ifPresentOrElse((connection) -> connect(connection.name(), tell),
					() -> tell.accept("No Guacamole connection waits: start a Guacamole session first."));
	}

	/** The step: the agent disconnects the newest live Guacamole connection. */
	void disconnectNewest(Consumer<String> tell) {
		this.guacamole.connections()
			.reversed()
			.stream()
			.filter(GuacamoleConnection::live)
			.findFirst()
			.ifPresentOrElse((connection) -> disconnect(connection.name(), tell),
					() -> tell.accept("No Guacamole connection is live: connect first."));
	}

	private Optional<URI> start(Ticket ticket, Consumer<String> tell) {
		User agent = this.cast.agent();
		GatewayAdmin.Answer answer = this.admin.startGuacamoleSession(ticket.id(), String.valueOf(agent.email()),
				"Hal Customer", "hal.customer@example.com", CONNECTION);
		String agentUrl = answer.json().path("agentUrl").asString("");
		tell.accept("4. " + agent.name() + " starts a Guacamole session (RDP to ts01.corp.example) from ticket #"
				+ ticket.id() + " through the admin API: " + answer.status());
		return (answer.ok() && !agentUrl.isEmpty()) ? Optional.of(URI.create(agentUrl)) : Optional.empty();
	}

	private Optional<GuacamoleConnection> open(URI link, Consumer<String> tell) {
		return switch (this.guacamole.open(link)) {
			case LoginOutcome.Accepted accepted -> {
				GuacamoleConnection connection = accepted.connections().getFirst();
				tell.accept("5. The agent opens the link; Guacamole decrypts it and verifies its signature: "
						+ accepted.username() + " may use " + connection.protocol() + " to " + connection.hostname()
						+ ":" + connection.port());
				yield Optional.of(connection);
			}
			case LoginOutcome.Refused refused -> {
				tell.accept("5. The agent opens the link; Guacamole refuses it: " + refused.reason());
				yield Optional.empty();
			}
		};
	}

	private boolean connect(String name, Consumer<String> tell) {
		return this.tunnels.connect(name).map((pushed) -> {
			tell.accept("6. The agent connects; Guacamole's signed event session.started: gateway answered "
					+ pushed.delivery().status());
			return pushed.delivery().accepted();
		}).orElse(false);
	}

	private boolean disconnect(String name, Consumer<String> tell) {
		return this.tunnels.disconnect(name).map((pushed) -> {
			tell.accept("7. After " + pushed.connection().seconds()
					+ " s the agent disconnects; Guacamole's signed event session.ended: gateway answered "
					+ pushed.delivery().status());
			return pushed.delivery().accepted();
		}).orElse(false);
	}

}
