package dev.switchboard.crmbridge.ticket;

import org.jspecify.annotations.Nullable;

/**
 * What one drain of one ticket did, for the metrics.
 *
 * @param updates helpdesk updates written (follow-up creations included)
 * @param applied commands applied
 * @param coalesced notes joined into another note's comment
 * @param dropped commands settled without effect (stale reopens)
 * @param deadLettered commands sent to the dead-letter queue
 * @param failure the failure that stopped the drain, if any
 */
public record DrainReport(int updates, int applied, int coalesced, int dropped, int deadLettered,
		@Nullable HelpdeskFailure failure) {

	static final DrainReport NOTHING = new DrainReport(0, 0, 0, 0, 0, null);

	DrainReport plus(int appliedNow, int coalescedNow, int droppedNow) {
		return new DrainReport(this.updates + 1, this.applied + appliedNow, this.coalesced + coalescedNow,
				this.dropped + droppedNow, this.deadLettered, this.failure);
	}

	DrainReport deadLettered(int count) {
		return new DrainReport(this.updates, this.applied, this.coalesced, this.dropped, this.deadLettered + count,
				this.failure);
	}

	DrainReport failedWith(HelpdeskFailure cause) {
		return new DrainReport(this.updates, this.applied, this.coalesced, this.dropped, this.deadLettered, cause);
	}

}
