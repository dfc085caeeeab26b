package dev.switchboard.statuspage.incident.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.incident.Feed;
import dev.switchboard.statuspage.incident.FeedHealth;
import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.incident.Feeds;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code feed}: one row per distinct URL, claimed with {@code FOR UPDATE SKIP LOCKED} and
 * leased by moving its next poll.
 */
@Repository
class JdbcFeeds implements Feeds {

	private static final String COLUMNS = "id, url, page_id, statuspage, first_polled_at, etag, last_modified";

	private final JdbcClient jdbc;

	JdbcFeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UUID register(String url, @Nullable String pageId, boolean statuspage, Instant now) {
		this.jdbc.sql("""
				insert into feed (id, url, page_id, statuspage, next_poll_at, created_at)
				values (:id, :url, :pageId, :statuspage, :now, :now)
				on conflict do nothing
				""")
			.param("id", UUID.randomUUID())
			.param("url", url)
			.param("pageId", pageId)
			.param("statuspage", statuspage)
			.param("now", Timestamp.from(now))
			.update();
		if (pageId != null) {
			// a feed first added as a plain feed learns its page id when a Statuspage
			// subscription names it
			this.jdbc.sql("update feed set page_id = :pageId, statuspage = true where url = :url and page_id is null")
				.param("pageId", pageId)
				.param("url", url)
				.update();
		}
		return this.jdbc.sql("select id from feed where url = ?").param(url).query(UUID.class).single();
	}

	@Override
	public List<UUID> due(Instant now, int limit) {
		return this.jdbc.sql(
				"select id from feed where next_poll_at <= ? and exists (select 1 from subscription s where s.feed_id = feed.id) order by next_poll_at limit ?")
			.params(Timestamp.from(now), limit)
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> Objects.requireNonNull(id, "feed.id is the primary key"))
			.toList();
	}

	@Override
	@Transactional
	public Optional<Feed> lease(UUID id, Instant now, Instant until) {
		Optional<Feed> due = this.jdbc
			.sql("select " + COLUMNS + " from feed where id = ? and next_poll_at <= ? for update skip locked")
			.params(id, Timestamp.from(now))
			.query(JdbcFeeds::feed)
			.optional();
		due.ifPresent((feed) -> this.jdbc.sql("update feed set next_poll_at = ? where id = ?")
			.params(Timestamp.from(until), id)
			.update());
		return due;
	}

	@Override
	public void fetched(UUID id, Instant now, Instant nextPollAt, @Nullable String etag, @Nullable String lastModified,
			int newUpdates) {
		this.jdbc.sql("""
				update feed set next_poll_at = :next, first_polled_at = coalesce(first_polled_at, :now), etag = :etag,
				    last_modified = :lastModified, last_success_at = :now, consecutive_failures = 0,
				    last_changed_at = case when :fresh > 0 then :now else last_changed_at end,
				    updates_seen = updates_seen + :fresh
				where id = :id
				""")
			.param("next", Timestamp.from(nextPollAt))
			.param("now", Timestamp.from(now))
			.param("etag", etag)
			.param("lastModified", lastModified)
			.param("fresh", newUpdates)
			.param("id", id)
			.update();
	}

	@Override
	public void notModified(UUID id, Instant now, Instant nextPollAt) {
		this.jdbc.sql("update feed set next_poll_at = ?, last_success_at = ?, consecutive_failures = 0 where id = ?")
			.params(Timestamp.from(nextPollAt), Timestamp.from(now), id)
			.update();
	}

	@Override
	public void failed(UUID id, Instant now, Instant nextPollAt, String reason) {
		this.jdbc.sql("""
				update feed set next_poll_at = ?, last_error = ?, last_error_at = ?,
				    consecutive_failures = consecutive_failures + 1
				where id = ?
				""").params(Timestamp.from(nextPollAt), truncated(reason), Timestamp.from(now), id).update();
	}

	@Override
	public void lockForChange(UUID id) {
		this.jdbc.sql("select id from feed where id = ? for update").param(id).query(UUID.class).optional();
	}

	@Override
	public List<Feed> ofPage(String pageId) {
		// in id order: a webhook locks the page's feeds one after the other
		return this.jdbc.sql("select " + COLUMNS + " from feed where page_id = ? order by id")
			.param(pageId)
			.query(JdbcFeeds::feed)
			.list();
	}

	@Override
	public List<FeedHealth> health(Instant now, FeedProperties properties) {
		Instant silentBefore = now.minus(properties.unhealthyAfter());
		return this.jdbc.sql("""
				select f.*, (select count(*) from subscription s where s.feed_id = f.id) as subscriptions
				from feed f order by f.url
				""").query((rs, row) -> {
			Instant lastSuccess = instant(rs, "last_success_at");
			Instant created = instant(rs, "created_at");
			int failures = rs.getInt("consecutive_failures");
			Instant reference = (lastSuccess != null) ? lastSuccess : created;
			boolean healthy = failures < properties.unhealthyFailures()
					&& (reference == null || reference.isAfter(silentBefore));
			return new FeedHealth(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("page_id"),
					lastSuccess, rs.getString("last_error"), instant(rs, "last_error_at"), failures,
					instant(rs, "last_changed_at"), rs.getLong("updates_seen"), rs.getInt("subscriptions"), healthy);
		}).list();
	}

	private static Feed feed(ResultSet rs, int row) throws SQLException {
		return new Feed(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("page_id"),
				rs.getBoolean("statuspage"), instant(rs, "first_polled_at"), rs.getString("etag"),
				rs.getString("last_modified"));
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String truncated(String text) {
		return (text.length() > 1000) ? text.substring(0, 1000) : text;
	}

}
