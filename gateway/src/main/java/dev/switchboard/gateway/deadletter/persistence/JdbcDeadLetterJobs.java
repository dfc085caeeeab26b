package dev.switchboard.gateway.deadletter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.gateway.deadletter.DeadLetterJob;
import dev.switchboard.gateway.deadletter.DeadLetterJobs;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code dead_letter_job}: one row per job; {@code running_queue} holds the queue's name
 * while the job runs and is cleared when it ends, and a unique index on it keeps one
 * running job per queue across instances.
 */
@Repository
class JdbcDeadLetterJobs implements DeadLetterJobs {

	private static final String COLUMNS = "id, queue, state, estimated, moved, failed_again, created_by, created_at,"
			+ " finished_at, cancelled_by, last_error";

	private static final String RUNNING = DeadLetterJob.State.RUNNING.name();

	private final JdbcClient jdbc;

	JdbcDeadLetterJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<DeadLetterJob> startUnlessRunning(DeadLetterJob job) {
		try {
			this.jdbc
				.sql("insert into dead_letter_job (" + COLUMNS + ", running_queue) values (:id, :queue, :state,"
						+ " :estimated, 0, 0, :createdBy, :createdAt, null, null, null, :queue)")
				.param("id", job.id())
				.param("queue", job.queue())
				.param("state", RUNNING)
				.param("estimated", job.estimated())
				.param("createdBy", job.createdBy())
				.param("createdAt", Timestamp.from(job.createdAt()))
				.update();
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return this.jdbc.sql("select " + COLUMNS + " from dead_letter_job where running_queue = :queue")
				.param("queue", job.queue())
				.query(JdbcDeadLetterJobs::toJob)
				.optional()
				// ended between the insert and this read: start it again
				.or(() -> startUnlessRunning(job));
		}
	}

	@Override
	public Optional<DeadLetterJob> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter_job where id = :id")
			.param("id", id)
			.query(JdbcDeadLetterJobs::toJob)
			.optional();
	}

	@Override
	public List<DeadLetterJob> recent(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter_job order by created_at desc, id limit :limit")
			.param("limit", limit)
			.query(JdbcDeadLetterJobs::toJob)
			.list();
	}

	@Override
	public List<DeadLetterJob> running() {
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter_job where state = :running order by created_at")
			.param("running", RUNNING)
			.query(JdbcDeadLetterJobs::toJob)
			.list();
	}

	@Override
	public boolean progress(UUID id, long moved, long failedAgain) {
		return this.jdbc
			.sql("update dead_letter_job set moved = moved + :moved, failed_again = failed_again + :failedAgain"
					+ " where id = :id and state = :running")
			.param("moved", moved)
			.param("failedAgain", failedAgain)
			.param("id", id)
			.param("running", RUNNING)
			.update() == 1;
	}

	@Override
	public boolean end(UUID id, DeadLetterJob.State state, Instant at, @Nullable String cancelledBy,
			@Nullable String error) {
		return this.jdbc
			.sql("update dead_letter_job set state = :state, finished_at = :at, cancelled_by = :cancelledBy,"
					+ " last_error = :error, running_queue = null where id = :id and state = :running")
			.param("state", state.name())
			.param("at", Timestamp.from(at))
			.param("cancelledBy", cancelledBy)
			.param("error", error)
			.param("id", id)
			.param("running", RUNNING)
			.update() == 1;
	}

	private static DeadLetterJob toJob(ResultSet rows, int number) throws SQLException {
		Timestamp finished = rows.getTimestamp("finished_at");
		return new DeadLetterJob(rows.getObject("id", UUID.class), rows.getString("queue"),
				DeadLetterJob.State.valueOf(rows.getString("state")), rows.getLong("estimated"), rows.getLong("moved"),
				rows.getLong("failed_again"), rows.getString("created_by"), rows.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, rows.getString("cancelled_by"),
				rows.getString("last_error"));
	}

}
