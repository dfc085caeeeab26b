package dev.switchboard.statuspage;

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
 * The scheduled jobs: feed polls and posts claim their rows with
 * {@code FOR UPDATE SKIP LOCKED} so that several instances never do the same work; the
 * retention purge takes a ShedLock lock on the database. That lock is short (30 s, the
 * least {@link KeepAliveLockProvider} takes) and extended every 15 s while the job runs,
 * so a killed instance holds the purge back for 30 s at most, however long a purge takes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingConfiguration.LOCK_AT_MOST_FOR)
class SchedulingConfiguration {

	/** How long a ShedLock lock outlives an instance that stopped extending it. */
	static final String LOCK_AT_MOST_FOR = "PT30S";

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

	/** Extends the locks of running jobs; shut down with the context. */
	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService lockKeepAlive() {
		return Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("shedlock-keep-alive").daemon().factory());
	}

	@Bean
	LockProvider lockProvider(DataSource dataSource, ScheduledExecutorService lockKeepAlive) {
		return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()), lockKeepAlive);
	}

}
