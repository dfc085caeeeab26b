package dev.switchboard.issuesync.link.actuator;

import dev.switchboard.issuesync.link.Tracker;
import dev.switchboard.issuesync.link.TrackerCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health components {@code githubCredentials} and {@code jiraCredentials}. */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	TrackerCredentialsHealthIndicator githubCredentials(TrackerCredentials credentials) {
		return new TrackerCredentialsHealthIndicator(Tracker.GITHUB, credentials);
	}

	@Bean
	TrackerCredentialsHealthIndicator jiraCredentials(TrackerCredentials credentials) {
		return new TrackerCredentialsHealthIndicator(Tracker.JIRA, credentials);
	}

}
