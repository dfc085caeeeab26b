package dev.switchboard.contracts;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One thing a service did about a {@link TimelineSubject}, as every service's
 * {@code GET /api/timeline?<parameter>=<value>} answers it (a JSON array, oldest first,
 * at most {@link #MAX_PER_SERVICE} entries) and the gateway's console merges them in time
 * order.
 *
 * @param at when it happened
 * @param service the service that did it ({@link ServiceNames})
 * @param kind a short, stable word for what happened, {@code <thing>.<what>}: for example
 * {@code link.created}, {@code note.sent}, {@code command.applied}, {@code call.logged},
 * {@code session.ended}, {@code post.failed}
 * @param summary one line a person reads, e.g. "Linked to acme/widgets#42"; never a
 * secret, a token or a join link
 * @param outcome {@link #OK}, {@link #PENDING} or {@link #FAILED}
 * @param ref the id of what the entry is about where the console has a page for it (a
 * link id, a CallSid, a session id, a subscription id), else {@code null}
 */
public record TimelineEntry(Instant at, String service, String kind, String summary, String outcome,
		@Nullable String ref) {

	/** Done. */
	public static final String OK = "ok";

	/** Under way or waiting (a command not yet applied, a post being retried). */
	public static final String PENDING = "pending";

	/** Failed for good, or dead-lettered: someone has to look. */
	public static final String FAILED = "failed";

	/** The most entries a service answers for one subject (its oldest first). */
	public static final int MAX_PER_SERVICE = 500;

	public TimelineEntry {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(summary, "summary");
		if (!OK.equals(outcome) && !PENDING.equals(outcome) && !FAILED.equals(outcome)) {
			throw new IllegalArgumentException("outcome is ok, pending or failed, not " + outcome);
		}
	}

}
