package dev.switchboard.statuspage.ticket.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.statuspage.ticket.IncidentTickets;
import dev.switchboard.statuspage.ticket.OpenIncident;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code ticket_incident_note} (one row per incident and ticket, the outbox of both
 * notes), read with {@code incident} and the subscriptions' {@code component_aliases}.
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so instances relay different
 * rows. An incident is one by its code, whichever feed of its page recorded it (two feeds
 * of one page give one note per ticket, and either one's resolution resolves it).
 */
@Repository
class JdbcIncidentTickets implements IncidentTickets {

	/** Statuses of an incident that still affects its components. */
	private static final String OPEN = "('investigating', 'identified', 'monitoring', 'in_progress', 'verifying')";

	/** Statuses of an incident that is over. */
	private static final String OVER = "('resolved', 'postmortem', 'completed')";

	private final JdbcClient jdbc;

	JdbcIncidentTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<OpenIncident> openIncidents() {
		Map<UUID, Map<String, List<String>>> aliases = aliasesByFeed();
		return this.jdbc.sql("""
				select feed_id, code, title, latest_status, link, latest_at, components from incident
				where latest_status in %s and components is not null and components <> ''
				order by latest_at
				""".formatted(OPEN)).query((rs, row) -> {
			UUID feed = rs.getObject("feed_id", UUID.class);
			return new OpenIncident(feed, rs.getString("code"), rs.getString("title"), rs.getString("latest_status"),
					rs.getString("link"), rs.getTimestamp("latest_at").toInstant(),
					Arrays.asList(rs.getString("components").split("\n")), aliases.getOrDefault(feed, Map.of()));
		}).list();
	}

	/** Every subscription's aliases, merged per feed (one page, one set of names). */
	private Map<UUID, Map<String, List<String>>> aliasesByFeed() {
		Map<UUID, Map<String, List<String>>> byFeed = new HashMap<>();
		this.jdbc.sql("select feed_id, component_aliases from subscription where component_aliases <> ''")
			.query((rs) -> {
				Map<String, List<String>> feed = byFeed.computeIfAbsent(rs.getObject("feed_id", UUID.class),
						(id) -> new LinkedHashMap<>());
				for (String line : rs.getString("component_aliases").split("\n")) {
					int tab = line.indexOf('\t');
					if (tab > 0) {
						feed.computeIfAbsent(line.substring(0, tab), (name) -> new ArrayList<>())
							.add(line.substring(tab + 1));
					}
				}
			});
		return byFeed;
	}

	@Override
	public boolean remember(IncidentNote note, Instant now) {
		return this.jdbc.sql("""
				insert into ticket_incident_note (incident_code, ticket_id, feed_id, body, caused_at, correlation_id,
				    created_at)
				values (:code, :ticket, :feed, :body, :causedAt, :correlation, :now)
				on conflict do nothing
				""")
			.param("code", note.incidentCode())
			.param("ticket", note.ticketId())
			.param("feed", note.feedId())
			.param("body", note.body())
			.param("causedAt", Timestamp.from(note.causedAt()))
			.param("correlation", note.correlationId())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	@Override
	public List<IncidentNote> claimUnsentNotes(int limit) {
		return this.jdbc.sql("""
				select incident_code, ticket_id, feed_id, body, caused_at, correlation_id from ticket_incident_note
				where note_sent_at is null
				order by created_at limit :limit
				for update skip locked
				""")
			.param("limit", limit)
			.query((rs, row) -> new IncidentNote(rs.getString("incident_code"), rs.getString("ticket_id"),
					rs.getObject("feed_id", UUID.class), rs.getString("body"), rs.getTimestamp("caused_at").toInstant(),
					rs.getString("correlation_id")))
			.list();
	}

	@Override
	public List<ResolvedIncident> claimUnsentResolutions(int limit) {
		List<String[]> keys = this.jdbc.sql("""
				select n.incident_code, n.ticket_id from ticket_incident_note n
				where n.note_sent_at is not null and n.resolved_sent_at is null
				    and exists (select 1 from incident i where i.code = n.incident_code and i.latest_status in %s)
				order by n.created_at limit :limit
				for update skip locked
				""".formatted(OVER))
			.param("limit", limit)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		List<ResolvedIncident> resolved = new ArrayList<>();
		for (String[] key : keys) {
			resolved.add(this.jdbc.sql("""
					select n.incident_code, n.ticket_id, i.title, i.latest_status, i.link, i.latest_at, n.correlation_id
					from ticket_incident_note n join incident i on i.code = n.incident_code
					where n.incident_code = ? and n.ticket_id = ? and i.latest_status in %s
					order by case when i.feed_id = n.feed_id then 0 else 1 end, i.latest_at limit 1
					""".formatted(OVER))
				.params(key[0], key[1])
				.query((rs, row) -> new ResolvedIncident(rs.getString("incident_code"), rs.getString("ticket_id"),
						rs.getString("title"), rs.getString("latest_status"), rs.getString("link"),
						rs.getTimestamp("latest_at").toInstant(), rs.getString("correlation_id")))
				.single());
		}
		return resolved;
	}

	@Override
	public List<TicketIncident> openOfTicket(String ticketId) {
		// an incident is one by its code whichever feed recorded it: open while no feed
		// of
		// its page saw it over
		Map<String, TicketIncident> open = new LinkedHashMap<>();
		this.jdbc.sql("""
				select i.code, i.title, i.latest_status, i.link, i.latest_at, i.components
				from ticket_incident_note n join incident i on i.code = n.incident_code
				where n.ticket_id = :ticket and i.latest_status in %s
				    and not exists (select 1 from incident o where o.code = n.incident_code and o.latest_status in %s)
				order by i.latest_at desc
				""".formatted(OPEN, OVER)).param("ticket", ticketId).query((rs, row) -> {
			String components = rs.getString("components");
			return new TicketIncident(rs.getString("code"), rs.getString("title"), rs.getString("latest_status"),
					rs.getString("link"), rs.getTimestamp("latest_at").toInstant(),
					(components == null || components.isBlank()) ? List.of() : Arrays.asList(components.split("\n")));
		}).list().forEach((incident) -> open.putIfAbsent(incident.code(), incident));
		return List.copyOf(open.values());
	}

	@Override
	public List<NoteRecord> ofTicket(String ticketId, int limit) {
		return notes("n.ticket_id = :key", ticketId, limit);
	}

	@Override
	public List<NoteRecord> ofIncident(String incidentCode, int limit) {
		return notes("n.incident_code = :key", incidentCode, limit);
	}

	/**
	 * The title from the feed that noted the ticket (else another feed of the page). The
	 * incident counts as over when any feed of its page says so, as the relay takes it;
	 * since when: the first update that ended it was seen (its time on the page when the
	 * update was purged).
	 */
	private List<NoteRecord> notes(String where, String key, int limit) {
		return this.jdbc
			.sql("""
					select n.incident_code, n.ticket_id, n.created_at, n.note_sent_at, n.resolved_sent_at,
					    (select i.title from incident i where i.code = n.incident_code
					     order by case when i.feed_id = n.feed_id then 0 else 1 end limit 1) as title,
					    case when exists (select 1 from incident i where i.code = n.incident_code and i.latest_status in %1$s)
					        then coalesce(
					            (select min(u.seen_at) from incident_update u
					             where u.incident_code = n.incident_code and u.status in %1$s),
					            (select min(i.latest_at) from incident i
					             where i.code = n.incident_code and i.latest_status in %1$s))
					    end as resolved_at
					from ticket_incident_note n where %2$s
					order by n.created_at, n.incident_code, n.ticket_id limit :limit
					"""
				.formatted(OVER, where))
			.param("key", key)
			.param("limit", limit)
			.query((rs, row) -> new NoteRecord(rs.getString("incident_code"), rs.getString("ticket_id"),
					rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
					instant(rs.getTimestamp("note_sent_at")), instant(rs.getTimestamp("resolved_at")),
					instant(rs.getTimestamp("resolved_sent_at"))))
			.list();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	@Override
	public void noteSent(String incidentCode, String ticketId, Instant now) {
		this.jdbc.sql("update ticket_incident_note set note_sent_at = ? where incident_code = ? and ticket_id = ?")
			.params(Timestamp.from(now), incidentCode, ticketId)
			.update();
	}

	@Override
	public void resolutionSent(String incidentCode, String ticketId, Instant now) {
		this.jdbc.sql("update ticket_incident_note set resolved_sent_at = ? where incident_code = ? and ticket_id = ?")
			.params(Timestamp.from(now), incidentCode, ticketId)
			.update();
	}

}
