package dev.switchboard.remotesession.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The session capabilities wired by hand against in-memory fakes of their ports: the
 * database ({@link InMemorySessions}), the outbox ({@link RecordedMessages}), the metrics
 * ({@link CountedOutcomes}), the vendors ({@link ScriptedSessionProvider}) and a clock
 * the test moves. No Spring: the integration tests keep the wiring.
 */
final class InMemorySessionCore {

	static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	final TestClock clock = new TestClock(T0);

	final InMemorySessions sessions = new InMemorySessions();

	final RecordedMessages messages = new RecordedMessages();

	final CountedOutcomes counters = new CountedOutcomes();

	final ScriptedSessionProvider teamviewer = new ScriptedSessionProvider(ProviderName.TEAMVIEWER);

	final RemoteSessionProperties properties = new RemoteSessionProperties(ProviderName.TEAMVIEWER,
			Duration.ofMinutes(30), Duration.ofSeconds(30), true, RemoteSessionProperties.DEFAULT_CUSTOMER_REPLY,
			Duration.ofHours(12),
			new RemoteSessionProperties.ParkedStarts(Duration.ofSeconds(30), Duration.ofMinutes(2)));

	final SessionWriteBack writeBack = new SessionWriteBack(this.properties);

	final SessionLedger ledger = new SessionLedger(this.sessions, this.messages, this.writeBack, this.properties,
			this.counters, this.clock);

	final SessionStarter starter = new SessionStarter(this.ledger, List.of(this.teamviewer), this.counters,
			this.properties, this.clock);

	final SessionTimeline timeline = new SessionTimeline(this.sessions, this.messages, this.writeBack, this.counters,
			this.clock);

	final SessionHousekeeping housekeeping = new SessionHousekeeping(this.sessions, this.timeline,
			List.of(this.teamviewer), this.properties, this.clock);

	/** A start request from the API for a ticket by an agent. */
	StartRequest apiStart(String ticketId, String agentEmail) {
		return new StartRequest(SessionStarter.newSessionId(), ticketId, ProviderName.TEAMVIEWER, agentEmail,
				new Customer("Carla Customer", "carla@customer.example"), null, StartedVia.API, "corr-" + ticketId,
				this.clock.instant());
	}

	/** A start request from a {@code /remote} note with a session id derived from it. */
	StartRequest noteStart(String ticketId, String agentEmail, java.util.UUID sessionId) {
		return new StartRequest(sessionId, ticketId, ProviderName.TEAMVIEWER, agentEmail, Customer.UNKNOWN, null,
				StartedVia.NOTE, "corr-" + ticketId, this.clock.instant());
	}

	/** The session as stored now. */
	Session stored(java.util.UUID id) {
		return this.sessions.find(id).orElseThrow();
	}

}
