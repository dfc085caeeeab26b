package dev.switchboard.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that starts at {@link #START} when the context starts and then runs, so that
 * the fixtures' incident times (2026-11-23 around 10:00 UTC) are minutes old.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClock {

	public static final Instant START = Instant.parse("2026-11-23T10:30:00Z");

	@Bean
	@Primary
	Clock pinnedClock() {
		return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
	}

}
