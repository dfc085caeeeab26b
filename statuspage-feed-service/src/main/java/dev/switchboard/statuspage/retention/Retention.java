package dev.switchboard.statuspage.retention;

import java.time.Instant;

/**
 * What is kept only for {@code statuspage-feed.retention}: finished deliveries, updates
 * and incidents last changed before it, their Slack threads, and the ids of webhook
 * deliveries already taken. Pending deliveries and the updates they need are kept
 * whatever their age.
 */
public interface Retention {

	/** Removes what is older than {@code cutoff}. */
	Purged purgeBefore(Instant cutoff);

	record Purged(int deliveries, int updates, int incidents, int threads, int notices) {

		public int total() {
			return this.deliveries + this.updates + this.incidents + this.threads + this.notices;
		}

	}

}
