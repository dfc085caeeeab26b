package dev.switchboard.gateway.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The stored dead-letter replay jobs, shared by every gateway instance. */
public interface DeadLetterJobs {

	/** Stores a new running job, unless one runs for the same queue: then that one. */
	Optional<DeadLetterJob> startUnlessRunning(DeadLetterJob job);

	Optional<DeadLetterJob> find(UUID id);

	List<DeadLetterJob> recent(int limit);

	List<DeadLetterJob> running();

	/**
	 * Adds a batch's counts, only while the job runs; false when it was cancelled
	 * meanwhile.
	 */
	boolean progress(UUID id, long moved, long failedAgain);

	/** Ends a running job; false when it was not running (any more). */
	boolean end(UUID id, DeadLetterJob.State state, Instant at, @Nullable String cancelledBy, @Nullable String error);

}
