package dev.switchboard.remotesession.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.remotesession.secret.SecretCipher;
import dev.switchboard.remotesession.session.Customer;
import dev.switchboard.remotesession.session.ParkedStart;
import dev.switchboard.remotesession.session.Parking;
import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionHistoryEntry;
import dev.switchboard.remotesession.session.SessionState;
import dev.switchboard.remotesession.session.Sessions;
import dev.switchboard.remotesession.session.StartedVia;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code remote_session}, {@code remote_session_event} and {@code received_message}.
 * {@code ON CONFLICT DO NOTHING} turns a conflicting insert (same id, or a second live
 * session for the same ticket and agent) into a no-op instead of an error that would
 * abort the transaction (PostgreSQL; H2 understands it in PostgreSQL mode). The links
 * ({@code agent_url}, {@code customer_url}) open a screen while valid: they are stored
 * encrypted ({@link SecretCipher}); a row written before that is still read as it is.
 */
@Repository
class JdbcSessions implements Sessions {

	private static final String COLUMNS = """
			id, ticket_id, provider, provider_session_id, agent_email, customer_name, customer_email, state,
			agent_url, customer_url, expires_at, created_at, started_at, ended_at, duration_seconds, end_reason,
			recording_url, host, started_via, correlation_id, caused_at, last_event_at""";

	private final JdbcClient jdbc;

	private final SecretCipher secrets;

	JdbcSessions(JdbcClient jdbc, SecretCipher secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@Override
	public boolean reserve(Session session, @Nullable String liveKey) {
		return this.jdbc.sql("""
				insert into remote_session (id, ticket_id, provider, agent_email, customer_name, customer_email, state,
				    live_key, expires_at, created_at, started_via, correlation_id, caused_at)
				values (:id, :ticketId, :provider, :agentEmail, :customerName, :customerEmail, :state,
				    :liveKey, :expiresAt, :createdAt, :startedVia, :correlationId, :causedAt)
				on conflict do nothing
				""")
			.param("id", session.id())
			.param("ticketId", session.ticketId())
			.param("provider", session.provider().id())
			.param("agentEmail", session.agentEmail())
			.param("customerName", session.customer().name())
			.param("customerEmail", session.customer().email())
			.param("state", session.state().name())
			.param("liveKey", liveKey)
			.param("expiresAt", Timestamp.from(session.expiresAt()))
			.param("createdAt", Timestamp.from(session.createdAt()))
			.param("startedVia", session.startedVia().id())
			.param("correlationId", session.correlationId())
			.param("causedAt", Timestamp.from(session.causedAt()))
			.update() == 1;
	}

	@Override
	public Optional<Session> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from remote_session where id = ?")
			.param(id)
			.query(this::session)
			.optional();
	}

	@Override
	public Optional<Session> findLive(String liveKey) {
		return this.jdbc.sql("select " + COLUMNS + " from remote_session where live_key = ?")
			.param(liveKey)
			.query(this::session)
			.optional();
	}

	@Override
	public Optional<Session> lock(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from remote_session where id = ? for update")
			.param(id)
			.query(this::session)
			.optional();
	}

	@Override
	public Optional<Session> lockByProviderSessionId(String providerSessionId) {
		return this.jdbc.sql("select " + COLUMNS + " from remote_session where provider_session_id = ? for update")
			.param(providerSessionId)
			.query(this::session)
			.optional();
	}

	@Override
	public List<Session> byTicket(String ticketId) {
		return this.jdbc.sql("select " + COLUMNS + " from remote_session where ticket_id = ? order by created_at, id")
			.param(ticketId)
			.query(this::session)
			.list();
	}

	@Override
	public void update(Session session) {
		this.jdbc.sql("""
				update remote_session set provider_session_id = :providerSessionId, state = :state,
				    live_key = case when :live then live_key else null end,
				    agent_url = :agentUrl, customer_url = :customerUrl, started_at = :startedAt, ended_at = :endedAt,
				    duration_seconds = :durationSeconds, end_reason = :endReason, recording_url = :recordingUrl,
				    host = :host, last_event_at = :lastEventAt, expires_at = :expiresAt, next_attempt_at = null
				where id = :id
				""")
			.param("id", session.id())
			.param("expiresAt", Timestamp.from(session.expiresAt()))
			.param("providerSessionId", session.providerSessionId())
			.param("state", session.state().name())
			.param("live", session.state().isLive())
			.param("agentUrl", encrypt(session.agentUrl()))
			.param("customerUrl", encrypt(session.customerUrl()))
			.param("startedAt", timestamp(session.startedAt()))
			.param("endedAt", timestamp(session.endedAt()))
			.param("durationSeconds", session.durationSeconds())
			.param("endReason", session.endReason())
			.param("recordingUrl", session.recordingUrl())
			.param("host", session.host())
			.param("lastEventAt", timestamp(session.lastEventAt()))
			.update();
	}

	@Override
	public void delete(UUID id) {
		this.jdbc.sql("delete from remote_session_event where session_id = ?").param(id).update();
		this.jdbc.sql("delete from remote_session where id = ?").param(id).update();
	}

	@Override
	public void addHistory(UUID sessionId, SessionHistoryEntry entry) {
		this.jdbc
			.sql("""
					insert into remote_session_event (session_id, kind, source, occurred_at, recorded_at, applied, state_after, detail)
					values (:sessionId, :kind, :source, :occurredAt, :recordedAt, :applied, :stateAfter, :detail)
					""")
			.param("sessionId", sessionId)
			.param("kind", entry.kind())
			.param("source", entry.source())
			.param("occurredAt", Timestamp.from(entry.occurredAt()))
			.param("recordedAt", Timestamp.from(entry.recordedAt()))
			.param("applied", entry.applied())
			.param("stateAfter", entry.stateAfter().name())
			.param("detail", truncate(entry.detail()))
			.update();
	}

	@Override
	public List<SessionHistoryEntry> history(UUID sessionId) {
		return this.jdbc.sql("""
				select kind, source, occurred_at, recorded_at, applied, state_after, detail
				from remote_session_event where session_id = ? order by id
				""")
			.param(sessionId)
			.query((row, n) -> new SessionHistoryEntry(row.getString("kind"), row.getString("source"),
					instant(row, "occurred_at"), instant(row, "recorded_at"), row.getBoolean("applied"),
					SessionState.valueOf(row.getString("state_after")), row.getString("detail")))
			.list();
	}

	@Override
	public List<Session> lockExpired(Instant now, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from remote_session where state in ('CREATED', 'INVITED') and expires_at <= ?
				order by expires_at limit ? for update skip locked
				""").params(Timestamp.from(now), limit).query(this::session).list();
	}

	@Override
	public List<Session> lockSilent(Instant quietSince, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from remote_session where state = 'STARTED' and coalesce(last_event_at, started_at) <= ?
				order by started_at limit ? for update skip locked
				""").params(Timestamp.from(quietSince), limit).query(this::session).list();
	}

	@Override
	public List<Session> liveAt(ProviderName provider, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from remote_session where provider = ? and state in ('INVITED', 'STARTED')
				order by polled_at nulls first, created_at limit ?
				""").params(provider.id(), limit).query(this::session).list();
	}

	@Override
	public void markPolled(UUID sessionId, Instant at) {
		this.jdbc.sql("update remote_session set polled_at = ? where id = ?")
			.params(Timestamp.from(at), sessionId)
			.update();
	}

	@Override
	public void park(UUID sessionId, Instant nextAttemptAt, String failure) {
		this.jdbc.sql("""
				update remote_session set next_attempt_at = :nextAttemptAt, start_attempts = start_attempts + 1,
				    last_start_failure = :failure
				where id = :id and state = 'CREATED'
				""")
			.param("nextAttemptAt", Timestamp.from(nextAttemptAt))
			.param("failure", truncate(failure))
			.param("id", sessionId)
			.update();
	}

	@Override
	public void lease(UUID sessionId, Instant until) {
		this.jdbc.sql("update remote_session set next_attempt_at = ? where id = ? and state = 'CREATED'")
			.params(Timestamp.from(until), sessionId)
			.update();
	}

	@Override
	public Parking parking(UUID sessionId) {
		return this.jdbc
			.sql("select next_attempt_at, start_attempts, last_start_failure from remote_session where id = ?")
			.param(sessionId)
			.query((row, n) -> new Parking(nullableInstant(row, "next_attempt_at"), row.getInt("start_attempts"),
					row.getString("last_start_failure")))
			.optional()
			.orElse(Parking.NONE);
	}

	@Override
	public List<ParkedStart> lockDueStarts(Instant now, int limit) {
		return this.jdbc.sql("select start_attempts, " + COLUMNS + """
				 from remote_session where state = 'CREATED' and next_attempt_at <= ? and expires_at > ?
				order by next_attempt_at limit ? for update skip locked
				""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query((row, n) -> new ParkedStart(session(row, n), row.getInt("start_attempts")))
			.list();
	}

	@Override
	public boolean markReceived(UUID messageId, String source, Instant at) {
		return this.jdbc.sql(
				"insert into received_message (message_id, source, received_at) values (?, ?, ?) on conflict do nothing")
			.params(messageId, source, Timestamp.from(at))
			.update() == 1;
	}

	@Override
	public void forgetReceived(UUID messageId) {
		this.jdbc.sql("delete from received_message where message_id = ?").param(messageId).update();
	}

	private @Nullable String encrypt(@Nullable String link) {
		return (link != null) ? this.secrets.encrypt(link) : null;
	}

	private @Nullable String decrypt(@Nullable String stored) {
		return (stored != null) ? this.secrets.decrypt(stored) : null;
	}

	private Session session(ResultSet row, int rowNum) throws SQLException {
		long duration = row.getLong("duration_seconds");
		Long durationSeconds = row.wasNull() ? null : duration;
		return new Session(row.getObject("id", UUID.class), row.getString("ticket_id"),
				ProviderName.byId(row.getString("provider")).orElseThrow(), row.getString("provider_session_id"),
				row.getString("agent_email"),
				new Customer(row.getString("customer_name"), row.getString("customer_email")),
				SessionState.valueOf(row.getString("state")), decrypt(row.getString("agent_url")),
				decrypt(row.getString("customer_url")), instant(row, "expires_at"), instant(row, "created_at"),
				nullableInstant(row, "started_at"), nullableInstant(row, "ended_at"), durationSeconds,
				row.getString("end_reason"), row.getString("recording_url"), row.getString("host"),
				StartedVia.valueOf(row.getString("started_via").toUpperCase(java.util.Locale.ROOT)),
				row.getString("correlation_id"), instant(row, "caused_at"), nullableInstant(row, "last_event_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 500) ? text.substring(0, 500) : text;
	}

}
