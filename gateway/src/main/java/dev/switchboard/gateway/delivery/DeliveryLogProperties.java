package dev.switchboard.gateway.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.delivery-log.*}.
 *
 * @param retention how long accepted deliveries are kept for replay and duplicate
 * suppression
 * @param purgeInterval how often expired entries are removed (on one instance at a time)
 * @param groupCommit whether the rows of concurrent webhooks are written together
 */
@ConfigurationProperties("gateway.delivery-log")
public record DeliveryLogProperties(@DefaultValue("7d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("auto") GroupCommitMode groupCommit) {

	/**
	 * Group commit of the delivery log's rows: {@code auto} uses it where a write is a
	 * round trip to a database server (PostgreSQL), not on the embedded H2, whose insert
	 * is a call inside the gateway that costs less than handing the row to the writer.
	 */
	public enum GroupCommitMode {

		AUTO, ON, OFF;

		/** Whether to group the writes to the database with the given product name. */
		public boolean enabledFor(String databaseProductName) {
			return switch (this) {
				case ON -> true;
				case OFF -> false;
				case AUTO -> !"H2".equalsIgnoreCase(databaseProductName);
			};
		}

	}

}
