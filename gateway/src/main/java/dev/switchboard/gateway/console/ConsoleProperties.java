package dev.switchboard.gateway.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.console.*}.
 *
 * @param sessionTtl how long a console sign-in lasts (then the key is asked for again)
 */
@ConfigurationProperties("gateway.console")
public record ConsoleProperties(@DefaultValue("8h") Duration sessionTtl) {

	public ConsoleProperties {
		if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("gateway.console.session-ttl must be above 0 and at most 1d");
		}
	}

}
