package dev.switchboard.gateway.replay;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The stored replay jobs, shared by every gateway instance. */
public interface ReplayJobs {

	/**
	 * Stores a new running job, unless one runs for the same filter: then that one.
	 */
	Optional<ReplayJob> startUnlessRunning(ReplayJob job);

	Optional<ReplayJob> find(UUID id);

	List<ReplayJob> recent(int limit);

	List<ReplayJob> running();

	/**
	 * Adds a batch's counts and moves the job past its last delivery, only while it runs;
	 * false when it was cancelled meanwhile.
	 */
	boolean progress(UUID id, long replayed, long failed, Instant afterReceivedAt, UUID afterId);

	/** Ends a running job; false when it was not running (any more). */
	boolean end(UUID id, ReplayJobState state, Instant at, @Nullable String cancelledBy, @Nullable String error);

}
