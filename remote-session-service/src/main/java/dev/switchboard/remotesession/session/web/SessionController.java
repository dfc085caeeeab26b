package dev.switchboard.remotesession.session.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.remotesession.session.Connection;
import dev.switchboard.remotesession.session.Customer;
import dev.switchboard.remotesession.session.Parking;
import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionHousekeeping;
import dev.switchboard.remotesession.session.SessionNotFoundException;
import dev.switchboard.remotesession.session.SessionState;
import dev.switchboard.remotesession.session.SessionStarter;
import dev.switchboard.remotesession.session.Sessions;
import dev.switchboard.remotesession.session.StartRequest;
import dev.switchboard.remotesession.session.StartedVia;
import dev.switchboard.remotesession.session.TicketIds;
import jakarta.validation.Valid;
import org.slf4j.MDC;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sessions}: start a session for a ticket (201; 202 with the session's URL
 * when the vendor cannot take it now and the start is parked and retried; 200 with the
 * live session of the same ticket and agent), read one with its history, list a ticket's,
 * end one.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

	private final SessionStarter starter;

	private final SessionHousekeeping housekeeping;

	private final Sessions sessions;

	private final Clock clock;

	SessionController(SessionStarter starter, SessionHousekeeping housekeeping, Sessions sessions, Clock clock) {
		this.starter = starter;
		this.housekeeping = housekeeping;
		this.sessions = sessions;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<SessionView> start(@Valid @RequestBody StartSessionBody body) {
		String ticketId = TicketIds.require("ticketId", body.ticketId());
		ProviderName provider = ProviderName.byId(body.provider()).orElseThrow();
		if (provider != ProviderName.GUACAMOLE && body.connection() != null) {
			throw new IllegalArgumentException("connection is for guacamole sessions only");
		}
		Connection connection = (body.connection() != null)
				? new Connection(body.connection().protocol(), body.connection().hostname(), body.connection().port(),
						(body.connection().parameters() != null) ? body.connection().parameters() : Map.of())
				: null;
		Customer customer = (body.customer() != null) ? new Customer(body.customer().name(), body.customer().email())
				: Customer.UNKNOWN;
		UUID id = SessionStarter.newSessionId();
		try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", "api-" + id)) {
			StartRequest request = new StartRequest(id, ticketId, provider, body.agentEmail(), customer, connection,
					StartedVia.API, "api-" + id, this.clock.instant());
			SessionStarter.Started started = this.starter.start(request, null);
			Session session = started.session();
			URI location = URI.create("/api/sessions/" + session.id());
			Parking parking = this.sessions.parking(session.id());
			SessionView view = SessionView.of(session, parking, null);
			return switch (started.result()) {
				case CREATED -> ResponseEntity.created(location).body(view);
				// waiting for the vendor: the caller follows the start at the session's
				// URL
				case PARKED -> ResponseEntity.accepted().location(location).body(view);
				case FOUND -> (session.state() == SessionState.CREATED && parking.nextAttemptAt() != null)
						? ResponseEntity.accepted().location(location).body(view) : ResponseEntity.ok(view);
				case FAILED -> throw new IllegalStateException("a refused API start is answered as a problem");
			};
		}
	}

	@GetMapping("/{id}")
	SessionView one(@PathVariable UUID id) {
		Session session = this.sessions.find(id).orElseThrow(() -> new SessionNotFoundException(id));
		return SessionView.of(session, this.sessions.parking(id), this.sessions.history(id));
	}

	@GetMapping
	List<SessionView> ofTicket(@RequestParam String ticketId) {
		return this.sessions.byTicket(TicketIds.require("ticketId", ticketId))
			.stream()
			.map((session) -> SessionView.of(session, null))
			.toList();
	}

	@PostMapping("/{id}/end")
	SessionView end(@PathVariable UUID id) {
		Session ended = this.housekeeping.endByAgent(id);
		return SessionView.of(ended, this.sessions.history(id));
	}

}
