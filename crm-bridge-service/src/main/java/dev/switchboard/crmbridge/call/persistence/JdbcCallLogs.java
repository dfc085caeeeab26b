package dev.switchboard.crmbridge.call.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallLogs;
import dev.switchboard.crmbridge.call.CallRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code call_log} and {@code call_callback}. */
@Repository
class JdbcCallLogs implements CallLogs {

	private final JdbcClient jdbc;

	JdbcCallLogs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean recordCallback(String idempotencyToken, String callSid, Instant at) {
		return this.jdbc
			.sql("insert into call_callback (idempotency_token, call_sid, received_at) values (?, ?, ?) "
					+ "on conflict do nothing")
			.params(idempotencyToken, callSid, Timestamp.from(at))
			.update() == 1;
	}

	@Override
	public Locked lock(CallLog initial) {
		int created = this.jdbc
			.sql("""
					insert into call_log (call_sid, direction, status, ticket_id, from_number, to_number, agent_number,
					    started_at, max_sequence, seen_sequences, end_note_written, recording_noted, correlation_id, updated_at)
					values (:sid, :direction, :status, :ticketId, :from, :to, :agent, :startedAt, -1, 0, false, false,
					    :correlationId, :startedAt)
					on conflict do nothing
					""")
			.param("sid", initial.callSid())
			.param("direction", initial.direction())
			.param("status", initial.status())
			.param("ticketId", initial.ticketId())
			.param("from", initial.fromNumber())
			.param("to", initial.toNumber())
			.param("agent", initial.agentNumber())
			.param("startedAt", Timestamp.from(initial.startedAt()))
			.param("correlationId", initial.correlationId())
			.update();
		CallLog log = this.jdbc.sql("select * from call_log where call_sid = ? for update")
			.param(initial.callSid())
			.query(JdbcCallLogs::log)
			.single();
		return new Locked(log, created == 1);
	}

	@Override
	public void save(CallLog log, Instant at) {
		this.jdbc.sql("""
				update call_log set status = :status, from_number = :from, to_number = :to, agent_number = :agent,
				    ticket_id = :ticketId, ringing_at = :ringing, answered_at = :answered, ended_at = :ended,
				    duration_seconds = :duration, recording_url = :recording, max_sequence = :maxSequence,
				    seen_sequences = :seen, end_note_written = :endNote, recording_noted = :recordingNoted,
				    voicemail_url = :voicemail, voicemail_seconds = :voicemailSeconds, transcription = :transcription,
				    voicemail_noted = :voicemailNoted, transcription_noted = :transcriptionNoted, updated_at = :at
				where call_sid = :sid
				""")
			.param("status", log.status())
			.param("from", log.fromNumber())
			.param("to", log.toNumber())
			.param("agent", log.agentNumber())
			.param("ticketId", log.ticketId())
			.param("ringing", timestamp(log.ringingAt()))
			.param("answered", timestamp(log.answeredAt()))
			.param("ended", timestamp(log.endedAt()))
			.param("duration", log.durationSeconds())
			.param("recording", log.recordingUrl())
			.param("maxSequence", log.maxSequence())
			.param("seen", log.seenSequences())
			.param("endNote", log.endNoteWritten())
			.param("recordingNoted", log.recordingNoted())
			.param("voicemail", log.voicemail().url())
			.param("voicemailSeconds", log.voicemail().seconds())
			.param("transcription", log.voicemail().transcription())
			.param("voicemailNoted", log.voicemail().noted())
			.param("transcriptionNoted", log.voicemail().transcriptionNoted())
			.param("at", Timestamp.from(at))
			.param("sid", log.callSid())
			.update();
	}

	@Override
	public Optional<CallLog> find(String callSid) {
		return this.jdbc.sql("select * from call_log where call_sid = ?")
			.param(callSid)
			.query(JdbcCallLogs::log)
			.optional();
	}

	@Override
	public List<CallLog> byTicket(String ticketId) {
		return this.jdbc.sql("select * from call_log where ticket_id = ? order by started_at desc")
			.param(ticketId)
			.query(JdbcCallLogs::log)
			.list();
	}

	@Override
	public List<CallLog> byCustomerNumber(String e164, int limit) {
		// the caller of an inbound call, the callee otherwise (CallLog.customerNumber)
		return this.jdbc.sql("""
				select * from call_log
				where (direction = 'inbound' and from_number = :number)
				    or (direction <> 'inbound' and to_number = :number)
				order by started_at desc limit :limit
				""").param("number", e164).param("limit", limit).query(JdbcCallLogs::log).list();
	}

	@Override
	public List<String> endNotesDue(Instant before) {
		return this.jdbc.sql("""
				select call_sid from call_log
				where not end_note_written and ended_at is not null and updated_at < ?
				order by updated_at limit 100
				""")
			.param(Timestamp.from(before))
			.query(String.class)
			.list()
			.stream()
			.map((callSid) -> Objects.requireNonNull(callSid, "call_log.call_sid is the primary key"))
			.toList();
	}

	@Override
	public boolean recordCallRequest(String commentId, String ticketId, Instant at) {
		return this.jdbc.sql(
				"insert into call_request (comment_id, ticket_id, requested_at) values (?, ?, ?) on conflict do nothing")
			.params(commentId, ticketId, Timestamp.from(at))
			.update() == 1;
	}

	@Override
	public List<CallRequest> callRequests(String ticketId, int limit) {
		return this.jdbc.sql("""
				select comment_id, ticket_id, requested_at from call_request where ticket_id = ?
				order by requested_at, comment_id limit ?
				""")
			.params(ticketId, limit)
			.query((rs, row) -> new CallRequest(rs.getString("comment_id"), rs.getString("ticket_id"),
					rs.getTimestamp("requested_at").toInstant()))
			.list();
	}

	@Override
	public int purgeStartedBefore(Instant before) {
		Timestamp cutoff = Timestamp.from(before);
		this.jdbc
			.sql("delete from call_callback where call_sid in (select call_sid from call_log where started_at < ?)")
			.param(cutoff)
			.update();
		this.jdbc.sql("delete from call_request where requested_at < ?").param(cutoff).update();
		return this.jdbc.sql("delete from call_log where started_at < ?").param(cutoff).update();
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static CallLog log(ResultSet rs, int row) throws SQLException {
		return new CallLog(rs.getString("call_sid"), rs.getString("direction"), rs.getString("status"),
				rs.getString("from_number"), rs.getString("to_number"), rs.getString("agent_number"),
				rs.getString("ticket_id"),
				Objects.requireNonNull(instant(rs, "started_at"), "call_log.started_at is not null"),
				instant(rs, "ringing_at"), instant(rs, "answered_at"), instant(rs, "ended_at"),
				integer(rs, "duration_seconds"), rs.getString("recording_url"), rs.getInt("max_sequence"),
				rs.getInt("seen_sequences"), rs.getBoolean("end_note_written"), rs.getBoolean("recording_noted"),
				rs.getString("correlation_id"),
				new CallLog.Voicemail(rs.getString("voicemail_url"), integer(rs, "voicemail_seconds"),
						rs.getString("transcription"), rs.getBoolean("voicemail_noted"),
						rs.getBoolean("transcription_noted")));
	}

}
