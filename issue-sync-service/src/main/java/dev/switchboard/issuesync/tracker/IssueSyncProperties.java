package dev.switchboard.issuesync.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code issue-sync.*}. Secrets are optional: an empty GitHub token reads public
 * repositories anonymously; Jira is switched off unless its site, e-mail and API token
 * are all set.
 */
@Validated
@ConfigurationProperties("issue-sync")
public record IssueSyncProperties(@DefaultValue Github github, @DefaultValue Jira jira,
		@DefaultValue Behaviour behaviour, @DefaultValue TicketField ticketField,
		@DefaultValue("5m") @NotNull Duration reconciliationInterval,
		@DefaultValue("7d") @NotNull Duration reconcileClosedFor, @DefaultValue("30s") @NotNull Duration reportInterval,
		@DefaultValue("30s") @NotNull Duration fixWait, @DefaultValue("5s") @NotNull Duration shortWait) {

	/** GitHub REST. */
	public record Github(@DefaultValue("https://api.github.com") @NotNull URI baseUrl, @Nullable String token,
			@DefaultValue("github.com") @NotEmpty List<String> webHosts,
			@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration readTimeout) {

		public boolean hasToken() {
			return this.token != null && !this.token.isBlank();
		}

		@Override
		public String toString() {
			return "Github[baseUrl=" + this.baseUrl + ", token=" + (hasToken() ? "***" : "none") + ", webHosts="
					+ this.webHosts + "]";
		}

	}

	/**
	 * Jira Cloud REST; {@code base-url} is also the site whose browse URLs are
	 * recognised.
	 */
	public record Jira(@Nullable URI baseUrl, @Nullable String email, @Nullable String apiToken,
			@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("10s") @NotNull Duration readTimeout) {

		public boolean enabled() {
			return enabledBaseUrl().isPresent();
		}

		/** The base URL when Jira is switched on (site, e-mail and API token all set). */
		public Optional<URI> enabledBaseUrl() {
			URI url = this.baseUrl;
			if (url == null || url.toString().isBlank() || this.email == null || this.email.isBlank()
					|| this.apiToken == null || this.apiToken.isBlank()) {
				return Optional.empty();
			}
			return Optional.of(url);
		}

		@Override
		public String toString() {
			return "Jira[baseUrl=" + this.baseUrl + ", email=" + this.email + ", apiToken="
					+ ((this.apiToken == null || this.apiToken.isBlank()) ? "none" : "***") + "]";
		}

	}

	/** What a linked issue's change does to its tickets. */
	public record Behaviour(@DefaultValue("true") boolean noteOnStatusChange,
			@DefaultValue("true") boolean reopenOnCompleted, @DefaultValue("false") boolean reopenOnNotPlanned,
			@DefaultValue("false") boolean noteOnComment) {
	}

	/** Optional helpdesk custom field that shows the linked issue's state. */
	public record TicketField(@Nullable String issueState) {

		/** The name of the field to set, when one is configured. */
		public Optional<String> configured() {
			String field = this.issueState;
			return (field != null && !field.isBlank()) ? Optional.of(field) : Optional.empty();
		}

	}

}
