package dev.switchboard.remotesession;

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

/** Scheduling, with ShedLock on the {@code shedlock} table (Flyway V1). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulingConfiguration {

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

	/**
	 * Short locks (at most a minute) that the running job extends while it works: a
	 * killed instance's job is taken over within a minute, not after the longest a job
	 * could take.
	 */
	@Bean
	LockProvider lockProvider(DataSource dataSource, ScheduledExecutorService lockKeepAlive) {
		return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build()), lockKeepAlive);
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService lockKeepAlive() {
		return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("shedlock-keep-alive").factory());
	}

}
