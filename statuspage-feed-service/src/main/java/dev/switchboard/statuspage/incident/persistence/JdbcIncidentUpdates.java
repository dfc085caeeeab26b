package dev.switchboard.statuspage.incident.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.switchboard.contracts.IncidentEvent;
import dev.switchboard.contracts.IncidentOpened;
import dev.switchboard.contracts.IncidentResolved;
import dev.switchboard.contracts.IncidentUpdated;
import dev.switchboard.contracts.SchemaVersions;
import dev.switchboard.statuspage.incident.Feed;
import dev.switchboard.statuspage.incident.IncidentUpdate;
import dev.switchboard.statuspage.incident.IncidentUpdates;
import dev.switchboard.statuspage.incident.SeenUpdate;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code incident_update} (unique per feed, incident, minute and status) and
 * {@code incident} (the current status only moves forward in time). Components are stored
 * one per line; {@code null} means unknown.
 */
@Repository
class JdbcIncidentUpdates implements IncidentUpdates {

	private final JdbcClient jdbc;

	JdbcIncidentUpdates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The update's id: the same for the feed's and the webhook's copy, on every run. */
	static UUID idOf(Feed feed, IncidentUpdate update) {
		String key = "incident-update:" + feed.url() + "|" + update.incidentCode() + "|" + update.postedAt() + "|"
				+ update.status();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public @Nullable UUID recordIfAbsent(Feed feed, IncidentUpdate update, String origin, boolean deliverable,
			Instant now, String correlationId) {
		UUID id = idOf(feed, update);
		boolean earlier = this.jdbc
			.sql("select count(*) from incident_update where feed_id = ? and incident_code = ? and posted_at < ?")
			.params(feed.id(), update.incidentCode(), Timestamp.from(update.postedAt()))
			.query(Long.class)
			.single() > 0;
		String change = update.ends() ? "resolved" : (earlier ? "updated" : "opened");
		int inserted = this.jdbc
			.sql("""
					insert into incident_update (id, feed_id, incident_code, posted_at, status, change_type, body, components,
					    origin, deliverable, seen_at, published_at, correlation_id)
					values (:id, :feedId, :code, :postedAt, :status, :change, :body, :components, :origin, :deliverable, :now,
					    :publishedAt, :correlationId)
					on conflict do nothing
					""")
			.param("id", id)
			.param("feedId", feed.id())
			.param("code", update.incidentCode())
			.param("postedAt", Timestamp.from(update.postedAt()))
			.param("status", update.status())
			.param("change", change)
			.param("body", update.text())
			.param("components", joined(update.components()))
			.param("origin", origin)
			.param("deliverable", deliverable)
			.param("now", Timestamp.from(now))
			// history recorded on a first run is not announced either
			.param("publishedAt", deliverable ? null : Timestamp.from(now))
			.param("correlationId", correlationId)
			.update();
		if (inserted == 0) {
			return null;
		}
		this.jdbc.sql("""
				insert into incident (feed_id, code, title, link, impact, components, latest_status, latest_at)
				values (:feedId, :code, :title, :link, :impact, :components, :status, :postedAt)
				on conflict do nothing
				""")
			.param("feedId", feed.id())
			.param("code", update.incidentCode())
			.param("title", update.title())
			.param("link", update.link())
			.param("impact", update.impact())
			.param("components", joined(update.components()))
			.param("status", update.status())
			.param("postedAt", Timestamp.from(update.postedAt()))
			.update();
		// the current status never goes backwards: an older update arriving late leaves
		// it
		this.jdbc.sql("""
				update incident set latest_status = :status, latest_at = :postedAt
				where feed_id = :feedId and code = :code and latest_at <= :postedAt
				""")
			.param("status", update.status())
			.param("postedAt", Timestamp.from(update.postedAt()))
			.param("feedId", feed.id())
			.param("code", update.incidentCode())
			.update();
		addDetails(feed, update);
		return id;
	}

	@Override
	public @Nullable UUID enrich(Feed feed, IncidentUpdate update, boolean webhook) {
		UUID id = idOf(feed, update);
		int known = this.jdbc
			.sql(webhook ? "update incident_update set components = coalesce(:components, components) where id = :id"
					: "update incident_update set components = :components where id = :id and components is null")
			.param("components", joined(update.components()))
			.param("id", id)
			.update();
		if (known == 0 && !webhook) {
			return null;
		}
		addDetails(feed, update);
		return (known == 1) ? id : null;
	}

	private void addDetails(Feed feed, IncidentUpdate update) {
		List<String> current = this.jdbc.sql("select components from incident where feed_id = ? and code = ?")
			.params(feed.id(), update.incidentCode())
			.query((rs, row) -> rs.getString(1))
			.list();
		Set<String> merged = new LinkedHashSet<>();
		if (!current.isEmpty() && current.get(0) != null) {
			merged.addAll(split(current.get(0)));
		}
		if (update.components() != null) {
			merged.addAll(update.components());
		}
		this.jdbc.sql("""
				update incident set impact = coalesce(:impact, impact),
				    components = case when :known then :components else components end,
				    link = coalesce(link, :link)
				where feed_id = :feedId and code = :code
				""")
			.param("impact", update.impact())
			.param("known", update.components() != null)
			.param("components", String.join("\n", merged))
			.param("link", update.link())
			.param("feedId", feed.id())
			.param("code", update.incidentCode())
			.update();
	}

	@Override
	public List<IncidentEvent> claimUnpublished(int limit) {
		List<UUID> ids = this.jdbc.sql(
				"select id from incident_update where published_at is null order by posted_at limit ? for update skip locked")
			.param(limit)
			.query(UUID.class)
			.list()
			.stream()
			.map((id) -> Objects.requireNonNull(id, "incident_update.id is the primary key"))
			.toList();
		return ids.stream().map(this::event).toList();
	}

	private IncidentEvent event(UUID id) {
		return this.jdbc.sql("""
				select u.*, i.title, i.link, i.impact, i.components as incident_components, f.url
				from incident_update u
				join incident i on i.feed_id = u.feed_id and i.code = u.incident_code
				join feed f on f.id = u.feed_id
				where u.id = ?
				""").param(id).query(JdbcIncidentUpdates::event).single();
	}

	private static IncidentEvent event(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String correlationId = rs.getString("correlation_id");
		Instant at = rs.getTimestamp("posted_at").toInstant();
		String source = rs.getString("url");
		String code = rs.getString("incident_code");
		String title = rs.getString("title");
		String status = rs.getString("status");
		String impact = rs.getString("impact");
		String components = (rs.getString("components") != null) ? rs.getString("components")
				: rs.getString("incident_components");
		List<String> names = (components != null) ? split(components) : List.of();
		String link = rs.getString("link");
		String text = rs.getString("body");
		return switch (rs.getString("change_type")) {
			case "opened" -> new IncidentOpened(SchemaVersions.CURRENT, id, correlationId, at, source, code, title,
					status, impact, names, link, text);
			case "resolved" -> new IncidentResolved(SchemaVersions.CURRENT, id, correlationId, at, source, code, title,
					status, impact, names, link, text);
			default -> new IncidentUpdated(SchemaVersions.CURRENT, id, correlationId, at, source, code, title, status,
					impact, names, link, text);
		};
	}

	@Override
	public void markPublished(UUID eventId, Instant now) {
		this.jdbc.sql("update incident_update set published_at = ? where id = ?")
			.params(Timestamp.from(now), eventId)
			.update();
	}

	@Override
	public List<SeenUpdate> seen(String incidentCode, int limit) {
		return this.jdbc.sql("""
				select u.incident_code, i.title, u.status, u.change_type, u.body, u.posted_at, u.seen_at, u.origin,
				    u.deliverable
				from incident_update u join incident i on i.feed_id = u.feed_id and i.code = u.incident_code
				where u.incident_code = :code
				order by u.seen_at, u.posted_at limit :limit
				""")
			.param("code", incidentCode)
			.param("limit", limit)
			.query((rs, row) -> new SeenUpdate(rs.getString("incident_code"), rs.getString("title"),
					rs.getString("status"), rs.getString("change_type"), rs.getString("body"),
					rs.getTimestamp("posted_at").toInstant(), rs.getTimestamp("seen_at").toInstant(),
					rs.getString("origin"), rs.getBoolean("deliverable")))
			.list();
	}

	static @Nullable String joined(@Nullable List<String> components) {
		return (components != null) ? String.join("\n", components) : null;
	}

	static List<String> split(String components) {
		return components.isEmpty() ? List.of() : Arrays.asList(components.split("\n"));
	}

}
