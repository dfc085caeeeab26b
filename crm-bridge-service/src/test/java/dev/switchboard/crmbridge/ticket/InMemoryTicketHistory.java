package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@link TicketHistory} in memory: one row per ticket ({@code ticket_state}) and the log
 * of our writes ({@code ticket_write}). Row locks are not modelled (the unit tests run
 * one drain at a time); a transaction is ({@link #begin()}, {@link #rollback()}), so a
 * test can crash a drain between the helpdesk's answer and the commit.
 */
public final class InMemoryTicketHistory implements TicketHistory {

	private Map<String, Row> rows = new LinkedHashMap<>();

	private List<Write> writes = new ArrayList<>();

	private Map<String, FollowUpTimes> followUpTimes = new LinkedHashMap<>();

	private @Nullable Snapshot open;

	private int failingRecordWrites;

	@Override
	public TicketState lock(String ticketId) {
		return row(ticketId).state();
	}

	@Override
	public void park(String ticketId, Instant until) {
		update(ticketId, row(ticketId).withNotBefore(until));
	}

	@Override
	public int failed(String ticketId) {
		Row row = row(ticketId);
		update(ticketId, row.withFailedAttempts(row.failedAttempts() + 1));
		return row.failedAttempts() + 1;
	}

	@Override
	public void succeeded(String ticketId) {
		update(ticketId, row(ticketId).withFailedAttempts(0).withNotBefore(null));
	}

	@Override
	public void rememberFollowUp(String ticketId, String followUpTicketId, Instant at) {
		Row row = row(ticketId);
		update(ticketId, new Row(row.ticketId(), row.failedAttempts(), row.notBefore(), followUpTicketId, false,
				row.lastExternalStatusAt(), row.lastStatusEventAt(), row.lastContentEventAt()));
		this.followUpTimes.put(ticketId, new FollowUpTimes(at, null));
	}

	@Override
	public void followUpAnnounced(String ticketId, Instant at) {
		Row row = row(ticketId);
		update(ticketId, new Row(row.ticketId(), row.failedAttempts(), row.notBefore(), row.followUpTicketId(), true,
				row.lastExternalStatusAt(), row.lastStatusEventAt(), row.lastContentEventAt()));
		FollowUpTimes times = this.followUpTimes.get(ticketId);
		this.followUpTimes.put(ticketId, new FollowUpTimes((times != null) ? times.createdAt() : null, at));
	}

	@Override
	public List<FollowUp> followUpsOf(String ticketId) {
		return this.rows.values()
			.stream()
			.filter((row) -> row.followUpTicketId() != null
					&& (row.ticketId().equals(ticketId) || ticketId.equals(row.followUpTicketId())))
			.map((row) -> {
				FollowUpTimes times = this.followUpTimes.getOrDefault(row.ticketId(), new FollowUpTimes(null, null));
				return new FollowUp(row.ticketId(), java.util.Objects.requireNonNull(row.followUpTicketId()),
						times.createdAt(), row.followUpAnnounced(), times.announcedAt());
			})
			.toList();
	}

	@Override
	public List<String> unannouncedFollowUps() {
		return this.rows.values()
			.stream()
			.filter((row) -> row.followUpTicketId() != null && !row.followUpAnnounced())
			.map(Row::ticketId)
			.toList();
	}

	@Override
	public void recordWrite(String ticketId, Instant at, String updatedStamp) {
		if (this.failingRecordWrites > 0) {
			this.failingRecordWrites--;
			throw new IllegalStateException("the database went away before the write was recorded");
		}
		this.writes.add(new Write(ticketId, at, updatedStamp));
	}

	@Override
	public List<Instant> writesSince(String ticketId, Instant since) {
		return this.writes.stream()
			.filter((write) -> write.ticketId().equals(ticketId) && write.at().isAfter(since))
			.map(Write::at)
			.sorted()
			.toList();
	}

	@Override
	public boolean isOwnWrite(String ticketId, String updatedStamp) {
		return this.writes.stream()
			.anyMatch((write) -> write.ticketId().equals(ticketId) && write.updatedStamp().equals(updatedStamp));
	}

	@Override
	public boolean statusEventSeen(String ticketId, Instant occurredAt, boolean bySwitchboard) {
		Row row = row(ticketId);
		if (row.lastStatusEventAt() != null && occurredAt.isBefore(row.lastStatusEventAt())) {
			return false;
		}
		Instant external = row.lastExternalStatusAt();
		if (!bySwitchboard && (external == null || external.isBefore(occurredAt))) {
			external = occurredAt;
		}
		update(ticketId, new Row(row.ticketId(), row.failedAttempts(), row.notBefore(), row.followUpTicketId(),
				row.followUpAnnounced(), external, occurredAt, row.lastContentEventAt()));
		return true;
	}

	@Override
	public boolean contentEventSeen(String ticketId, Instant occurredAt) {
		Row row = row(ticketId);
		if (row.lastContentEventAt() != null && occurredAt.isBefore(row.lastContentEventAt())) {
			return false;
		}
		update(ticketId, new Row(row.ticketId(), row.failedAttempts(), row.notBefore(), row.followUpTicketId(),
				row.followUpAnnounced(), row.lastExternalStatusAt(), row.lastStatusEventAt(), occurredAt));
		return true;
	}

	/**
	 * The next {@code count} {@link #recordWrite} calls fail, as a lost database would.
	 */
	public void failRecordWrites(int count) {
		this.failingRecordWrites = count;
	}

	/** Until when the ticket's commands wait, or null. */
	public @Nullable Instant notBefore(String ticketId) {
		Row row = this.rows.get(ticketId);
		return (row != null) ? row.notBefore() : null;
	}

	public int failedAttempts(String ticketId) {
		Row row = this.rows.get(ticketId);
		return (row != null) ? row.failedAttempts() : 0;
	}

	/** A status change by someone else, as a helpdesk event records it. */
	public void statusChangedBySomeoneElse(String ticketId, Instant at) {
		statusEventSeen(ticketId, at, false);
	}

	/** The ticket's row, as {@code addIfAbsent} creates it. */
	void ensureRow(String ticketId) {
		row(ticketId);
	}

	void begin() {
		this.open = new Snapshot(new LinkedHashMap<>(this.rows), new ArrayList<>(this.writes),
				new LinkedHashMap<>(this.followUpTimes));
	}

	void commit() {
		this.open = null;
	}

	void rollback() {
		Snapshot snapshot = this.open;
		if (snapshot != null) {
			this.rows = snapshot.rows();
			this.writes = snapshot.writes();
			this.followUpTimes = snapshot.followUpTimes();
			this.open = null;
		}
	}

	private Row row(String ticketId) {
		return this.rows.computeIfAbsent(ticketId, (id) -> new Row(id, 0, null, null, false, null, null, null));
	}

	private void update(String ticketId, Row row) {
		this.rows.put(ticketId, row);
	}

	private record Row(String ticketId, int failedAttempts, @Nullable Instant notBefore,
			@Nullable String followUpTicketId, boolean followUpAnnounced, @Nullable Instant lastExternalStatusAt,
			@Nullable Instant lastStatusEventAt, @Nullable Instant lastContentEventAt) {

		TicketState state() {
			return new TicketState(this.ticketId, this.failedAttempts, this.followUpTicketId, this.followUpAnnounced,
					this.lastExternalStatusAt, this.lastStatusEventAt);
		}

		Row withNotBefore(@Nullable Instant until) {
			return new Row(this.ticketId, this.failedAttempts, until, this.followUpTicketId, this.followUpAnnounced,
					this.lastExternalStatusAt, this.lastStatusEventAt, this.lastContentEventAt);
		}

		Row withFailedAttempts(int failures) {
			return new Row(this.ticketId, failures, this.notBefore, this.followUpTicketId, this.followUpAnnounced,
					this.lastExternalStatusAt, this.lastStatusEventAt, this.lastContentEventAt);
		}

	}

	private record Write(String ticketId, Instant at, String updatedStamp) {
	}

	private record Snapshot(Map<String, Row> rows, List<Write> writes, Map<String, FollowUpTimes> followUpTimes) {
	}

	private record FollowUpTimes(@Nullable Instant createdAt, @Nullable Instant announcedAt) {
	}

}
