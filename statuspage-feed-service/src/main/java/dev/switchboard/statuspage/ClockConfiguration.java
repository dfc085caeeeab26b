package dev.switchboard.statuspage;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The one clock of the application (tests replace it to pin time-dependent checks), and
 * the scheduled jobs: feed polls and deliveries claim their rows with
 * {@code FOR UPDATE SKIP LOCKED} so that several instances never do the same work; the
 * retention purge takes a ShedLock lock on the database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Boot's scheduler, built from {@code spring.task.scheduling.*} (application.yml: one
	 * thread per job, waiting for running jobs on shutdown), but on platform threads:
	 * with virtual threads Boot's own runs every fixed-delay job on one thread. It takes
	 * the {@code DataSource} so that it shuts down before the connection pool closes.
	 */
	@Bean
	ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder, DataSource dataSource) {
		return builder.build();
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
