package dev.switchboard.gateway.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.audit.*}.
 *
 * @param retention how long audit entries are kept (a year by default: audits are asked
 * about long after the change)
 * @param purgeInterval how often older entries are removed (on one instance at a time)
 */
@ConfigurationProperties("gateway.audit")
public record AuditProperties(@DefaultValue("365d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {

	public AuditProperties {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("gateway.audit.retention is at least one day, not " + retention);
		}
	}

}
