package dev.switchboard.statuspage;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one clock of the application (tests replace it to pin time-dependent checks), and
 * the scheduled jobs (feed polls, deliveries), which claim their rows with
 * {@code FOR UPDATE SKIP LOCKED} so that several instances never do the same work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
