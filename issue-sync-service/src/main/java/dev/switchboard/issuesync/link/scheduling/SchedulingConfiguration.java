package dev.switchboard.issuesync.link.scheduling;

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
 * Scheduling with ShedLock on the service's own database (table {@code shedlock}, V2).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class SchedulingConfiguration {

	private static final int SCHEDULED_JOBS = 3;

	/**
	 * One thread per scheduled job (reconciliation, report comments and parked links).
	 * Boot's virtual-thread scheduler runs every fixed-delay job on its single scheduler
	 * thread, where a job waiting on a slow remote API held up all the others.
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
