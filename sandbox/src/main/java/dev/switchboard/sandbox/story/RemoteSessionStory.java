package dev.switchboard.sandbox.story;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.switchboard.sandbox.teamviewer.Connections;
import dev.switchboard.sandbox.teamviewer.RemoteSession;
import dev.switchboard.sandbox.teamviewer.RemoteSupport;
import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.sandbox.zendesk.User;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Story 4: an agent types {@code /remote} in a ticket (Zendesk's signed webhook);
 * remote-session creates a session at the simulated TeamViewer; the customer gets the
 * join link in a public reply; the customer joins, the session runs and the agent ends it
 * (TeamViewer's events, signed with Standard Webhooks); the ticket gets the summary. Then
 * the same with Guacamole ({@link GuacamoleSession}), started through the admin API. Its
 * steps: type {@code /remote}, the customer joins, the agent ends the session; start a
 * Guacamole session, connect, disconnect.
 */
@Component
class RemoteSessionStory implements Story {

	/** How long the story's session runs. */
	static final Duration SESSION = Duration.ofSeconds(6);

	private final RemoteSupport teamviewer;

	private final Connections connections;

	private final HelpdeskUi ui;

	private final Cast cast;

	private final Written written;

	private final GuacamoleSession guacamole;

	private @Nullable Ticket latest;

	RemoteSessionStory(RemoteSupport teamviewer, Connections connections, HelpdeskUi ui, Cast cast, Written written,
			GuacamoleSession guacamole) {
		this.teamviewer = teamviewer;
		this.connections = connections;
		this.ui = ui;
		this.cast = cast;
		this.written = written;
		this.guacamole = guacamole;
	}

	@Override
	public String name() {
		return "remote-session";
	}

	@Override
	public String title() {
		return "4. A remote session (TeamViewer, Guacamole)";
	}

	@Override
	public List<Step> steps() {
		return List.of(new Step("remote", "Type /remote", (tell) -> typeRemote(ticket(), tell)),
				new Step("join-session", "The customer joins", this::joinLatest),
				new Step("end-session", "End the session", this::endLatest),
				new Step("remote-guacamole", "Start a Guacamole session", this.guacamole::startForNewTicket),
				new Step("guacamole-connect", "Connect (Guacamole)", this.guacamole::connectNewest),
				new Step("guacamole-disconnect", "Disconnect (Guacamole)", this.guacamole::disconnectNewest));
	}

	@Override
	public boolean play(Consumer<String> tell) {
		tell.accept("Story 4: a remote session from a ticket, its result written back");
		Ticket ticket = newTicket();
		tell.accept("  Zendesk: ticket #" + ticket.id() + " \"" + ticket.subject() + "\", " + ticket.status());
		if (!typeRemote(ticket, tell)) {
			return failed(tell, "the gateway refused Zendesk's webhook");
		}
		String id = Long.toString(ticket.id());
		if (!Await.until(() -> this.teamviewer.latestFor(id).isPresent())) {
			return failed(tell, "remote-session created no TeamViewer session for ticket #" + id);
		}
		RemoteSession session = this.teamviewer.latestFor(id).orElseThrow();
		tell.accept("   TeamViewer saw a new session code " + session.code() + " (" + session.description() + ")");
		if (!Await.until(() -> !this.written.replies(ticket.id(), session.customerLink()).isEmpty()
				&& !this.written.notes(ticket.id(), session.supporterLink()).isEmpty())) {
			return failed(tell, "ticket #" + id + " got no public reply with the join link and note with the agent's");
		}
		tell.accept("   Zendesk saw on #" + id + ": a public reply with the join link " + session.customerLink()
				+ " and an internal note with the agent's link");
		if (!join(session, tell) || !Await.pause(SESSION) || !end(session, tell)) {
			return failed(tell, "the gateway refused TeamViewer's event");
		}
		if (!Await.until(() -> !this.written.notes(ticket.id(), "Remote session ended").isEmpty())) {
			return failed(tell, "ticket #" + id + " got no summary of the session");
		}
		tell.accept("   Zendesk saw on #" + id + ": "
				+ this.written.notes(ticket.id(), "Remote session ended").getFirst().replace('\n', ' '));
		Optional<String> guacamoleFailed = this.guacamole.play(tell);
		if (guacamoleFailed.isPresent()) {
			return failed(tell, guacamoleFailed.get());
		}
		tell.accept("Story 4 complete: the customer got the join link, each ticket its session's summary.");
		return true;
	}

	private boolean typeRemote(Ticket ticket, Consumer<String> tell) {
		User agent = this.cast.agent();
		GatewayWebhooks.Delivery delivery = this.ui.internalNote(ticket.id(), agent, "/remote");
		tell.accept("1. " + agent.name() + " types /remote in ticket #" + ticket.id()
				+ " as an internal note; Zendesk's signed webhook: gateway answered " + delivery.status());
		return delivery.accepted();
	}

	private boolean join(RemoteSession session, Consumer<String> tell) {
		Connections.Pushed joined = this.connections.join(session.code());
		tell.accept("2. The customer opens the link and joins " + session.code() + "; TeamViewer's signed event "
				+ "session.started: gateway answered " + joined.delivery().status());
		return joined.delivery().accepted();
	}

	private boolean end(RemoteSession session, Consumer<String> tell) {
		Connections.Pushed ended = this.connections.end(session.code());
		RemoteSession.Connection connection = ended.session().connection();
		tell.accept(
				"3. After " + ((connection != null) ? connection.seconds() : 0) + " s the agent ends " + session.code()
						+ "; TeamViewer's signed event session.ended: gateway answered " + ended.delivery().status());
		return ended.delivery().accepted();
	}

	private void joinLatest(Consumer<String> tell) {
		Optional<RemoteSession> waiting = this.teamviewer.sessions()
			.reversed()
			.stream()
			.filter((session) -> session.state().equals("open") && session.connection() == null)
			.findFirst();
		waiting.ifPresentOrElse((session) -> join(session, tell),
				() -> tell.accept("No session waits for its customer: type /remote first."));
	}

	private void endLatest(Consumer<String> tell) {
		Optional<RemoteSession> live = this.teamviewer.sessions()
			.reversed()
			.stream()
			.filter(RemoteSession::live)
			.findFirst();
		live.ifPresentOrElse((session) -> end(session, tell),
				() -> tell.accept("No session is running: the customer joins first."));
	}

	private synchronized Ticket ticket() {
		return (this.latest != null) ? this.latest : newTicket();
	}

	private synchronized Ticket newTicket() {
		User gus = this.cast.customer("Gus Customer", null);
		this.latest = this.cast.ticket(gus, "The printer driver will not install",
				"The printer driver installer stops at 90% with error 1603.", "open");
		return this.latest;
	}

	private static boolean failed(Consumer<String> tell, String why) {
		tell.accept("Story 4 FAILED: " + why + " (the services' logs are under .switchboard/)");
		return false;
	}

}
