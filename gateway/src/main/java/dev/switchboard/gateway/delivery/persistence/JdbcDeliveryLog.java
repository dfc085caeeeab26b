package dev.switchboard.gateway.delivery.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryLogProperties;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.delivery.Outcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code delivery_log}, keyed by the delivery's {@code eventId} (derived from provider
 * and delivery id). Written with plain SQL that PostgreSQL and H2 (PostgreSQL mode) both
 * run.
 */
@Repository
class JdbcDeliveryLog implements DeliveryLog, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(JdbcDeliveryLog.class);

	private static final String SUMMARY_COLUMNS = "id, provider, event_type, delivery_id, correlation_id, "
			+ "received_at, size_bytes, outcome, attempts, replays, last_replayed_at, summary";

	private static final String COLUMNS = SUMMARY_COLUMNS + ", headers, body";

	/**
	 * The statement on the webhook's path takes positional parameters: named ones are
	 * parsed out of the SQL and looked up by name on every call.
	 */
	private static final String INSERT = "insert into delivery_log (" + COLUMNS
			+ ") values (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, null, ?, ?, ?) on conflict do nothing";

	/** The most rows one group commit writes. */
	private static final int MAX_GROUP_ROWS = 64;

	private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Timer writes;

	private final Timer lookups;

	private final DeliverySubjects subjects;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final @Nullable GroupCommit<Row> groupCommit;

	JdbcDeliveryLog(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, JsonMapper json,
			MeterRegistry meters, DeliveryLogProperties properties) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transactions = transactions;
		this.json = json;
		this.subjects = new DeliverySubjects(json);
		DistributionSummary groupRows = DistributionSummary.builder("switchboard.delivery.log.group.rows")
			.description("Delivery log rows written together in one transaction (group commit)")
			.register(meters);
		String database = batch
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		this.groupCommit = properties.groupCommit().enabledFor(String.valueOf(database))
				? new GroupCommit<>("delivery-log-writer", this::write, MAX_GROUP_ROWS, groupRows) : null;
		logger.info("Delivery log on {}: group commit {}", database, (this.groupCommit != null) ? "on" : "off");
		this.writes = Timer.builder("switchboard.delivery.log.write")
			.description("Writing a delivery's outcome to the log (on the webhook's path)")
			.register(meters);
		this.lookups = Timer.builder("switchboard.delivery.log.lookup")
			.description("Looking up whether a delivery was published before (on the webhook's path)")
			.register(meters);
	}

	@Override
	public void record(InboundDelivery delivery, Outcome outcome) {
		// the row's values are worked out on the request's thread, the writer only writes
		Row row = new Row(delivery.eventId(), outcome,
				new Object[] { delivery.eventId(), delivery.provider(), delivery.eventType(), delivery.deliveryId(),
						delivery.correlationId(), Timestamp.from(delivery.receivedAt()), delivery.body().length,
						outcome.name(), new SqlParameterValue(Types.VARCHAR, this.subjects.of(delivery)),
						this.json.writeValueAsString(delivery.headers()), delivery.body() });
		GroupCommit<Row> group = this.groupCommit;
		this.writes.record(() -> {
			if (group != null) {
				group.write(row);
			}
			else {
				write(List.of(row));
			}
		});
	}

	/**
	 * One statement per row for the common case, a delivery seen for the first time; a
	 * delivery seen before (a retry after a 503) updates its outcome instead. A group of
	 * rows is one batch in one transaction: one round trip and one commit.
	 */
	private void write(List<Row> rows) {
		if (rows.size() == 1) {
			writeRows(rows);
		}
		else {
			this.transactions.executeWithoutResult((status) -> writeRows(rows));
		}
	}

	private void writeRows(List<Row> rows) {
		// in the order of their ids: two instances writing the same deliveries take their
		// locks in the same order and cannot deadlock (the sort is stable: two copies of
		// one delivery keep their order)
		List<Row> ordered = rows.stream().sorted(Comparator.comparing(Row::id)).toList();
		// each row's own count tells a new delivery (1) from one seen before (0); a row
		// alone is one statement, a group one batch, for which the PostgreSQL driver's
		// reWriteBatchedInserts would answer "unknown" for all of them
		int[] inserted = (ordered.size() == 1) ? new int[] { this.batch.update(INSERT, ordered.get(0).values()) }
				: this.batch.batchUpdate(INSERT, ordered.stream().map(Row::values).toList());
		if (Arrays.stream(inserted).anyMatch((count) -> count == Statement.SUCCESS_NO_INFO)) {
			countsHidden();
		}
		for (int i = 0; i < ordered.size(); i++) {
			if (inserted[i] == 0) {
				updateOutcome(ordered.get(i).id(), ordered.get(i).outcome());
			}
		}
	}

	/**
	 * The driver answered a batch without each row's count (the PostgreSQL driver's
	 * {@code reWriteBatchedInserts} makes one multi-row insert of it): a new delivery can
	 * no longer be told from a duplicate. The group's transaction is rolled back by the
	 * exception, its rows are written again one by one (one statement each, with its
	 * count), and so is every row after it: group commit is off for the rest of the run.
	 */
	private void countsHidden() {
		GroupCommit<Row> group = this.groupCommit;
		if (group != null && group.stop()) {
			logger.warn("Delivery log: the JDBC driver hides each row's update count in a batch "
					+ "(PostgreSQL's reWriteBatchedInserts?); group commit is off until the gateway restarts. "
					+ "Leave reWriteBatchedInserts off to keep it");
		}
		throw new IllegalStateException("The delivery log needs each row's update count: "
				+ "leave the PostgreSQL driver's reWriteBatchedInserts off");
	}

	/** A delivery log row on its way to the group commit. */
	private record Row(UUID id, Outcome outcome, Object[] values) {
	}

	@Override
	public void destroy() {
		if (this.groupCommit != null) {
			this.groupCommit.close();
		}
	}

	private int updateOutcome(UUID id, Outcome outcome) {
		return this.jdbc.sql("update delivery_log set outcome = :outcome, attempts = attempts + 1 where id = :id")
			.param("outcome", outcome.name())
			.param("id", id)
			.update();
	}

	@Override
	public void settle(UUID id, Outcome outcome) {
		this.writes.record(() -> this.jdbc.sql("update delivery_log set outcome = ? where id = ?")
			.param(outcome.name())
			.param(id)
			.update());
	}

	@Override
	public void countDuplicate(UUID id) {
		this.jdbc.sql("update delivery_log set attempts = attempts + 1 where id = :id").param("id", id).update();
	}

	@Override
	public Optional<Outcome> outcomeOf(UUID id) {
		return this.lookups.record(() -> this.jdbc.sql("select outcome from delivery_log where id = ?")
			.param(id)
			.query((rows, number) -> Outcome.valueOf(rows.getString(1)))
			.optional());
	}

	@Override
	public Optional<LoggedDelivery> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from delivery_log where id = :id")
			.param("id", id)
			.query(this::toDelivery)
			.optional();
	}

	@Override
	public DeliveryPage search(DeliveryQuery query) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		filter(query, where, params);
		long total = this.jdbc.sql("select count(*) from delivery_log" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<DeliverySummary> items = new ArrayList<>(this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from delivery_log" + where
					+ (query.oldestFirst() ? " order by received_at, id" : " order by received_at desc, id")
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(JdbcDeliveryLog::toSummary)
			.list());
		return new DeliveryPage(items, query.page(), query.size(), total);
	}

	@Override
	public List<DeliverySummary> after(DeliveryQuery query, @Nullable Instant receivedAt, @Nullable UUID id) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		filter(query, where, params);
		if (receivedAt != null && id != null) {
			where.append(" and (received_at > :afterAt or (received_at = :afterAt and id > :afterId))");
			params.put("afterAt", Timestamp.from(receivedAt));
			params.put("afterId", id);
		}
		return this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from delivery_log" + where + " order by received_at, id limit :limit")
			.params(params)
			.param("limit", query.size())
			.query(JdbcDeliveryLog::toSummary)
			.list();
	}

	private static void filter(DeliveryQuery query, StringBuilder where, Map<String, Object> params) {
		condition(where, params, "provider", "provider = :provider", query.provider());
		condition(where, params, "eventType", "event_type = :eventType", query.eventType());
		condition(where, params, "outcome", "outcome = :outcome",
				(query.outcome() != null) ? query.outcome().name() : null);
		condition(where, params, "from", "received_at >= :from",
				(query.from() != null) ? Timestamp.from(query.from()) : null);
		condition(where, params, "to", "received_at < :to", (query.to() != null) ? Timestamp.from(query.to()) : null);
		if (query.containing() != null) {
			// the body is compared as bytes (position of the value's UTF-8 bytes: the
			// same SQL
			// in PostgreSQL and H2), the rest as text; bodies are read by the database
			// only
			where.append(" and (delivery_id = :containing or correlation_id = :containing"
					+ " or summary like :containingPattern escape '!' or headers like :containingPattern escape '!'"
					+ " or position(:containingBytes in body) > 0)");
			params.put("containing", query.containing());
			params.put("containingPattern", "%" + likeLiteral(query.containing()) + "%");
			params.put("containingBytes", query.containing().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String likeLiteral(String value) {
		return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	private static void condition(StringBuilder where, Map<String, Object> params, String name, String sql,
			@Nullable Object value) {
		if (value != null) {
			where.append(" and ").append(sql);
			params.put(name, value);
		}
	}

	@Override
	public void countReplay(UUID id, Instant at) {
		this.jdbc
			.sql("update delivery_log set replays = replays + 1, last_replayed_at = :at, outcome = :published "
					+ "where id = :id")
			.param("at", Timestamp.from(at))
			.param("published", Outcome.PUBLISHED.name())
			.param("id", id)
			.update();
	}

	@Override
	public int purgeReceivedBefore(Instant instant) {
		return this.jdbc.sql("delete from delivery_log where received_at < :before")
			.param("before", Timestamp.from(instant))
			.update();
	}

	private static DeliverySummary toSummary(ResultSet rows, int number) throws SQLException {
		Timestamp replayed = rows.getTimestamp("last_replayed_at");
		return new DeliverySummary(rows.getObject("id", UUID.class), rows.getString("provider"),
				rows.getString("event_type"), rows.getString("delivery_id"), rows.getString("correlation_id"),
				rows.getTimestamp("received_at").toInstant(), rows.getInt("size_bytes"),
				Outcome.valueOf(rows.getString("outcome")), rows.getInt("attempts"), rows.getInt("replays"),
				(replayed != null) ? replayed.toInstant() : null, rows.getString("summary"));
	}

	private LoggedDelivery toDelivery(ResultSet rows, int number) throws SQLException {
		Timestamp replayed = rows.getTimestamp("last_replayed_at");
		return new LoggedDelivery(rows.getObject("id", UUID.class), rows.getString("provider"),
				rows.getString("event_type"), rows.getString("delivery_id"), rows.getString("correlation_id"),
				rows.getTimestamp("received_at").toInstant(), rows.getInt("size_bytes"),
				Outcome.valueOf(rows.getString("outcome")), rows.getInt("attempts"), rows.getInt("replays"),
				(replayed != null) ? replayed.toInstant() : null, rows.getString("summary"),
				this.json.readValue(rows.getString("headers"), HEADERS), rows.getBytes("body"));
	}

}
