package dev.switchboard.crmbridge;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Scheduled jobs (the ticket drain, the end notes, the retention purge) run once across
 * instances: ShedLock on this service's own database ({@code shedlock}, created by
 * Flyway), using the database's clock so that instances with skewed clocks agree. Locks
 * are short leases ({@code crm-bridge.scheduling.lock-lease}, 30 s) that the instance
 * running the job extends every half lease while it works (ShedLock's
 * {@link KeepAliveLockProvider}): a long drain keeps its lock, and a killed instance's
 * lock runs out within one lease instead of stalling the work for minutes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingConfiguration.LEASE)
class SchedulingConfiguration {

	/** The lease every job's {@code @SchedulerLock} uses. */
	static final String LEASE = "${crm-bridge.scheduling.lock-lease:30s}";

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
	LockProvider lockProvider(DataSource dataSource, SchedulingProperties properties,
			ScheduledExecutorService lockKeepAlive) {
		JdbcTemplateLockProvider database = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.usingDbTime()
					.build());
		return new KeepAliveLockProvider(database, lockKeepAlive);
	}

	/**
	 * Extends the running jobs' locks; stopped (and so no longer extending) when the
	 * context closes, after the scheduler has let its running jobs finish.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService lockKeepAlive() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lock-keep-alive").daemon().factory());
	}

}
