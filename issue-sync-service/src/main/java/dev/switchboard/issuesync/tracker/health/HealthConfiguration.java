package dev.switchboard.issuesync.tracker.health;

import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerCredentials;

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
