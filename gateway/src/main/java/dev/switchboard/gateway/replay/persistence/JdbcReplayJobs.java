package dev.switchboard.gateway.replay.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.gateway.delivery.Outcome;
import dev.switchboard.gateway.replay.ReplayFilter;
import dev.switchboard.gateway.replay.ReplayJob;
import dev.switchboard.gateway.replay.ReplayJobState;
import dev.switchboard.gateway.replay.ReplayJobs;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code replay_job}: one row per job; {@code running_filter} holds the filter's key
 * while the job runs and is cleared when it ends, and a unique index on it keeps one
 * running job per filter across instances (a partial index would do in PostgreSQL, not in
 * the embedded H2 of a local run).
 */
@Repository
class JdbcReplayJobs implements ReplayJobs {

	private static final String COLUMNS = "id, provider, event_type, outcome, received_from, received_to, containing, "
			+ "state, estimated, replayed, failed, after_received_at, after_id, created_by, created_at, finished_at, "
			+ "cancelled_by, last_error";

	private final JdbcClient jdbc;

	JdbcReplayJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ReplayJob> startUnlessRunning(ReplayJob job) {
		ReplayFilter filter = job.filter();
		try {
			this.jdbc
				.sql("insert into replay_job (" + COLUMNS + ", running_filter) values (:id, :provider, :eventType,"
						+ " :outcome, :from, :to, :containing, :state, :estimated, 0, 0, null, null, :createdBy,"
						+ " :createdAt, null, null, null, :key)")
				.param("id", job.id())
				.param("provider", filter.provider())
				.param("eventType", filter.eventType())
				.param("outcome", (filter.outcome() != null) ? filter.outcome().name() : null)
				.param("from", timestamp(filter.from()))
				.param("to", timestamp(filter.to()))
				.param("containing", filter.containing())
				.param("state", ReplayJobState.RUNNING.name())
				.param("estimated", job.estimated())
				.param("createdBy", job.createdBy())
				.param("createdAt", timestamp(job.createdAt()))
				.param("key", filter.key())
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql("select " + COLUMNS + " from replay_job where running_filter = :key")
				.param("key", filter.key())
				.query(JdbcReplayJobs::toJob)
				.optional()
				// ended between the insert and this read: start it again
				.or(() -> startUnlessRunning(job));
		}
	}

	@Override
	public Optional<ReplayJob> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from replay_job where id = :id")
			.param("id", id)
			.query(JdbcReplayJobs::toJob)
			.optional();
	}

	@Override
	public List<ReplayJob> recent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from replay_job order by created_at desc, id limit :limit")
			.param("limit", limit)
			.query(JdbcReplayJobs::toJob)
			.list();
	}

	@Override
	public List<ReplayJob> running() {
		return this.jdbc.sql("select " + COLUMNS + " from replay_job where state = :running order by created_at")
			.param("running", ReplayJobState.RUNNING.name())
			.query(JdbcReplayJobs::toJob)
			.list();
	}

	@Override
	public boolean progress(UUID id, long replayed, long failed, Instant afterReceivedAt, UUID afterId) {
		return this.jdbc
			.sql("update replay_job set replayed = replayed + :replayed, failed = failed + :failed,"
					+ " after_received_at = :afterAt, after_id = :afterId where id = :id and state = :running")
			.param("replayed", replayed)
			.param("failed", failed)
			.param("afterAt", timestamp(afterReceivedAt))
			.param("afterId", afterId)
			.param("id", id)
			.param("running", ReplayJobState.RUNNING.name())
			.update() == 1;
	}

	@Override
	public boolean end(UUID id, ReplayJobState state, Instant at, @Nullable String cancelledBy,
			@Nullable String error) {
		return this.jdbc
			.sql("update replay_job set state = :state, finished_at = :at, cancelled_by = :cancelledBy,"
					+ " last_error = :error, running_filter = null where id = :id and state = :running")
			.param("state", state.name())
			.param("at", timestamp(at))
			.param("cancelledBy", cancelledBy)
			.param("error", error)
			.param("id", id)
			.param("running", ReplayJobState.RUNNING.name())
			.update() == 1;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
		Timestamp timestamp = rows.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static ReplayJob toJob(ResultSet rows, int number) throws SQLException {
		String outcome = rows.getString("outcome");
		ReplayFilter filter = new ReplayFilter(rows.getString("provider"), rows.getString("event_type"),
				(outcome != null) ? Outcome.valueOf(outcome) : null, instant(rows, "received_from"),
				rows.getTimestamp("received_to").toInstant(), rows.getString("containing"));
		return new ReplayJob(rows.getObject("id", UUID.class), filter, ReplayJobState.valueOf(rows.getString("state")),
				rows.getLong("estimated"), rows.getLong("replayed"), rows.getLong("failed"),
				instant(rows, "after_received_at"), rows.getObject("after_id", UUID.class),
				rows.getString("created_by"), rows.getTimestamp("created_at").toInstant(), instant(rows, "finished_at"),
				rows.getString("cancelled_by"), rows.getString("last_error"));
	}

}
