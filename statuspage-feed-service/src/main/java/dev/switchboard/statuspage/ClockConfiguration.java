package dev.switchboard.statuspage;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

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

	private static final int SCHEDULED_JOBS = 4;

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * One thread per scheduled job (polling, the outbox, parent edits, the purge). Boot's
	 * virtual-thread scheduler runs every fixed-delay job on its single scheduler thread,
	 * so a poll round waiting on a slow feed held up the outbox and the parent edits.
	 * <p>
	 * It takes the {@code DataSource} so that it is shut down first: running jobs finish
	 * (up to 15 s) while the pool still serves them. Closed the other way round, a job
	 * waited for a connection the closing pool never gave until its 30 s timeout.
	 */
	@Bean
	ThreadPoolTaskScheduler taskScheduler(DataSource dataSource) {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(SCHEDULED_JOBS);
		scheduler.setThreadNamePrefix("schedules-");
		scheduler.setWaitForTasksToCompleteOnShutdown(true);
		scheduler.setAwaitTerminationSeconds(15);
		return scheduler;
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
	}

}
