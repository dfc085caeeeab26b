package dev.switchboard.sandbox.teamviewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated TeamViewer account's session codes: created with a supporter and an
 * end-customer link (valid 24 hours), closed on request, and the connection made with a
 * code, which starts when the customer joins and ends when the supporter hangs up.
 */
@Component
public class RemoteSupport {

	private final Map<String, RemoteSession> sessions = new LinkedHashMap<>();

	private final AtomicLong codes = new AtomicLong(12_345_000L);

	private final SandboxProperties properties;

	private final Clock clock;

	public RemoteSupport(SandboxProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public synchronized RemoteSession create(String groupName, String description, @Nullable String customerName,
			@Nullable String customerEmail) {
		long number = this.codes.incrementAndGet();
		String code = String.format("s%02d-%03d-%03d", number / 1_000_000 % 100, number / 1000 % 1000, number % 1000);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		RemoteSession session = new RemoteSession(code, groupName, description, customerName, customerEmail,
				this.properties.link("/teamviewer/supporter/" + code), this.properties.link("/teamviewer/join/" + code),
				now, now.plus(Duration.ofHours(24)), "open", null, null);
		this.sessions.put(code, session);
		return session;
	}

	public synchronized Optional<RemoteSession> session(String code) {
		return Optional.ofNullable(this.sessions.get(code));
	}

	/** Every code, oldest first. */
	public synchronized List<RemoteSession> sessions() {
		return List.copyOf(this.sessions.values());
	}

	/** The newest code created for the ticket. */
	public Optional<RemoteSession> latestFor(String ticketId) {
		return sessions().reversed().stream().filter((session) -> ticketId.equals(session.ticketId())).findFirst();
	}

	public synchronized RemoteSession close(String code) {
		RemoteSession session = existing(code);
		if (session.closedAt() != null) {
			return session;
		}
		return put(new RemoteSession(code, session.groupName(), session.description(), session.customerName(),
				session.customerEmail(), session.supporterLink(), session.customerLink(), session.createdAt(),
				session.validUntil(), "closed", this.clock.instant(), session.connection()));
	}

	/**
	 * The customer joins with the code: a connection starts.
	 * @throws IllegalStateException when the code is closed or already used
	 */
	public synchronized RemoteSession connect(String code, String supporter, String device) {
		RemoteSession session = existing(code);
		if (!session.state().equals("open") || session.connection() != null) {
			throw new IllegalStateException("session " + code + " is " + session.state()
					+ ((session.connection() != null) ? " and was joined already" : ""));
		}
		return with(session, new RemoteSession.Connection(supporter, device, this.clock.instant(), null));
	}

	/** The connection ends. */
	public synchronized RemoteSession disconnect(String code) {
		RemoteSession session = existing(code);
		RemoteSession.Connection connection = session.connection();
		if (connection == null || connection.endedAt() != null) {
			throw new IllegalStateException("session " + code + " has no live connection");
		}
		return with(session, new RemoteSession.Connection(connection.supporter(), connection.device(),
				connection.startedAt(), this.clock.instant()));
	}

	private RemoteSession with(RemoteSession session, RemoteSession.Connection connection) {
		return put(new RemoteSession(session.code(), session.groupName(), session.description(), session.customerName(),
				session.customerEmail(), session.supporterLink(), session.customerLink(), session.createdAt(),
				session.validUntil(), session.state(), session.closedAt(), connection));
	}

	private RemoteSession put(RemoteSession session) {
		this.sessions.put(session.code(), session);
		return session;
	}

	private RemoteSession existing(String code) {
		RemoteSession session = this.sessions.get(code);
		if (session == null) {
			throw new IllegalArgumentException("no session code " + code);
		}
		return session;
	}

}
