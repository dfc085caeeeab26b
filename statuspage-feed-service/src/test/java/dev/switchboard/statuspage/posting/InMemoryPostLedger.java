package dev.switchboard.statuspage.posting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The ledger as a map of rows, with destinations that another instance may hold: what the
 * posting decisions read and write, without a database.
 */
public class InMemoryPostLedger implements PostLedger {

	/** A ledger row as the posting code leaves it. */
	public static final class Row {

		public final PendingPost post;

		public String state = "pending";

		public int attempts;

		public @Nullable Instant nextAttemptAt;

		public @Nullable String lastError;

		Row(PendingPost post) {
			this.post = post;
			this.attempts = post.attempts();
		}

	}

	public final Map<Long, Row> rows = new LinkedHashMap<>();

	public final Map<String, Instant> destinationPace = new HashMap<>();

	/** Destinations another instance holds now. */
	public final Set<String> heldElsewhere = new HashSet<>();

	/** Rows another instance claimed. */
	public final Set<Long> claimedElsewhere = new HashSet<>();

	public Row add(PendingPost post) {
		Row row = new Row(post);
		this.rows.put(post.seq(), row);
		return row;
	}

	public Row row(long seq) {
		Row row = this.rows.get(seq);
		if (row == null) {
			throw new IllegalStateException("No delivery " + seq + " in the ledger");
		}
		return row;
	}

	@Override
	public int fanOut(UUID feedId, UUID updateId, Instant now, Instant filteredNotBefore) {
		throw new UnsupportedOperationException("not used by posting");
	}

	@Override
	public void releaseWaiting(UUID updateId, Instant now) {
		throw new UnsupportedOperationException("not used by posting");
	}

	@Override
	public List<DueHead> dueHeads(Instant now, int limit) {
		return new ArrayList<>();
	}

	@Override
	public boolean holdDestination(String destination, Instant now) {
		Instant next = this.destinationPace.get(destination);
		return !this.heldElsewhere.contains(destination) && (next == null || !next.isAfter(now));
	}

	@Override
	public void paceDestination(String destination, Instant at) {
		this.destinationPace.put(destination, at);
	}

	@Override
	public Optional<PendingPost> claim(long seq, Instant now) {
		Row row = this.rows.get(seq);
		if (row == null || !row.state.equals("pending") || this.claimedElsewhere.contains(seq)
				|| (row.nextAttemptAt != null && row.nextAttemptAt.isAfter(now))) {
			return Optional.empty();
		}
		return Optional.of(new PendingPost(seq, row.post.subscriptionId(), row.attempts, row.post.view()));
	}

	@Override
	public void sent(long seq, Instant now) {
		Row row = row(seq);
		row.state = "sent";
		row.attempts++;
	}

	@Override
	public void skipped(long seq, String reason, Instant now) {
		Row row = row(seq);
		row.state = "skipped";
		row.lastError = reason;
	}

	@Override
	public void retryAt(long seq, Instant at, String reason, Instant now) {
		Row row = row(seq);
		row.nextAttemptAt = at;
		row.lastError = reason;
		row.attempts++;
	}

	@Override
	public void rateLimited(long seq, String reason, Instant now) {
		row(seq).lastError = reason;
	}

	@Override
	public void failed(long seq, String reason, Instant now) {
		Row row = row(seq);
		row.state = "failed";
		row.lastError = reason;
		row.attempts++;
	}

	@Override
	public void unknownOutcome(long seq, String reason, Instant now) {
		Row row = row(seq);
		row.state = "unknown";
		row.lastError = reason;
		row.attempts++;
	}

}
