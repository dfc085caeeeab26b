package dev.switchboard.remotesession.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Sessions} port in memory, with the rules the database enforces: one row per
 * id, one live session per live key (freed when the session finishes), a message received
 * once, and parking that only applies to a session still created. Locks are not modelled:
 * the unit tests run one thing at a time.
 */
final class InMemorySessions implements Sessions {

	private final Map<UUID, Session> sessions = new LinkedHashMap<>();

	private final Map<UUID, @Nullable String> liveKeys = new HashMap<>();

	private final Map<UUID, List<SessionHistoryEntry>> history = new HashMap<>();

	private final Map<UUID, Parking> parking = new HashMap<>();

	private final Set<UUID> received = new HashSet<>();

	@Override
	public boolean reserve(Session session, @Nullable String liveKey) {
		if (this.sessions.containsKey(session.id()) || (liveKey != null && this.liveKeys.containsValue(liveKey))) {
			return false;
		}
		this.sessions.put(session.id(), session);
		this.liveKeys.put(session.id(), liveKey);
		return true;
	}

	@Override
	public Optional<Session> find(UUID id) {
		return Optional.ofNullable(this.sessions.get(id));
	}

	@Override
	public Optional<Session> findLive(String liveKey) {
		return this.liveKeys.entrySet()
			.stream()
			.filter((entry) -> liveKey.equals(entry.getValue()))
			.map((entry) -> this.sessions.get(entry.getKey()))
			.findFirst();
	}

	@Override
	public Optional<Session> lock(UUID id) {
		return find(id);
	}

	@Override
	public Optional<Session> lockByProviderSessionId(String providerSessionId) {
		return this.sessions.values()
			.stream()
			.filter((session) -> providerSessionId.equals(session.providerSessionId()))
			.findFirst();
	}

	@Override
	public List<Session> byTicket(String ticketId) {
		return this.sessions.values().stream().filter((session) -> session.ticketId().equals(ticketId)).toList();
	}

	@Override
	public void update(Session session) {
		this.sessions.put(session.id(), session);
		if (!session.state().isLive()) {
			this.liveKeys.put(session.id(), null);
		}
		Parking parked = parking(session.id());
		this.parking.put(session.id(), new Parking(null, parked.attempts(), parked.lastFailure()));
	}

	@Override
	public void delete(UUID id) {
		this.sessions.remove(id);
		this.liveKeys.remove(id);
		this.history.remove(id);
		this.parking.remove(id);
	}

	@Override
	public void addHistory(UUID sessionId, SessionHistoryEntry entry) {
		this.history.computeIfAbsent(sessionId, (id) -> new ArrayList<>()).add(entry);
	}

	@Override
	public List<SessionHistoryEntry> history(UUID sessionId) {
		return List.copyOf(this.history.getOrDefault(sessionId, List.of()));
	}

	@Override
	public List<Session> lockExpired(Instant now, int limit) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.state() == SessionState.CREATED || session.state() == SessionState.INVITED)
			.filter((session) -> !session.expiresAt().isAfter(now))
			.sorted(Comparator.comparing(Session::expiresAt))
			.limit(limit)
			.toList();
	}

	@Override
	public List<Session> lockSilent(Instant quietSince, int limit) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.state() == SessionState.STARTED)
			.filter((session) -> !Objects
				.requireNonNullElse(session.lastEventAt(), Objects.requireNonNull(session.startedAt()))
				.isAfter(quietSince))
			.limit(limit)
			.toList();
	}

	@Override
	public List<Session> liveAt(ProviderName provider, int limit) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.provider() == provider)
			.filter((session) -> session.state() == SessionState.INVITED || session.state() == SessionState.STARTED)
			.limit(limit)
			.toList();
	}

	@Override
	public void markPolled(UUID sessionId, Instant at) {
	}

	@Override
	public void park(UUID sessionId, Instant nextAttemptAt, String failure) {
		if (isCreated(sessionId)) {
			this.parking.put(sessionId, new Parking(nextAttemptAt, parking(sessionId).attempts() + 1, failure));
		}
	}

	@Override
	public void lease(UUID sessionId, Instant until) {
		if (isCreated(sessionId)) {
			Parking parked = parking(sessionId);
			this.parking.put(sessionId, new Parking(until, parked.attempts(), parked.lastFailure()));
		}
	}

	@Override
	public Parking parking(UUID sessionId) {
		return this.parking.getOrDefault(sessionId, Parking.NONE);
	}

	@Override
	public List<ParkedStart> lockDueStarts(Instant now, int limit) {
		return this.sessions.values()
			.stream()
			.filter((session) -> session.state() == SessionState.CREATED && session.expiresAt().isAfter(now))
			.filter((session) -> {
				Instant next = parking(session.id()).nextAttemptAt();
				return next != null && !next.isAfter(now);
			})
			.limit(limit)
			.map((session) -> new ParkedStart(session, parking(session.id()).attempts()))
			.toList();
	}

	@Override
	public boolean markReceived(UUID messageId, String source, Instant at) {
		return this.received.add(messageId);
	}

	@Override
	public void forgetReceived(UUID messageId) {
		this.received.remove(messageId);
	}

	/** How many sessions exist, whatever their state. */
	int count() {
		return this.sessions.size();
	}

	private boolean isCreated(UUID sessionId) {
		Session session = this.sessions.get(sessionId);
		return session != null && session.state() == SessionState.CREATED;
	}

}
