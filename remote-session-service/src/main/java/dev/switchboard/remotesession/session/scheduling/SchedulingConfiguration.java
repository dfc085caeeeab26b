package dev.switchboard.remotesession.session.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Scheduling, with ShedLock on the {@code shedlock} table (Flyway V1). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "5m")
class SchedulingConfiguration {

	private static final int SCHEDULED_JOBS = 6;

	/**
	 * One thread per scheduled job (expiry, silent sessions, parked starts, vendor polls,
	 * the outbox relay and its purge). Boot's virtual-thread scheduler runs every
	 * fixed-delay job on its single scheduler thread, where a job waiting on a slow
	 * remote API held up all the others.
	 */
	@Bean
	ThreadPoolTaskScheduler taskScheduler() {
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
