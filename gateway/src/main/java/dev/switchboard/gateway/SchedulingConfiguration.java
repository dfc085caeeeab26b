package dev.switchboard.gateway;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run once across gateway instances: ShedLock on the gateway's database.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class SchedulingConfiguration {

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
