package dev.switchboard.crmbridge.ticket.zendesk;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.zendesk.*}: the helpdesk's API. An empty {@code api-token} (compose
 * passes {@code ${ZENDESK_API_TOKEN:-}}) means "not configured": commands are stored and
 * wait until credentials are set.
 *
 * @param baseUrl {@code https://<subdomain>.zendesk.com} (no usable default: every
 * account has its own)
 * @param email the agent account Switchboard writes as (API token authentication:
 * {@code <email>/token})
 * @param apiToken the API token (a secret, never logged)
 * @param userCacheTtl how long a looked-up user (author of a comment, requester) is
 * reused
 * @param userCacheSize how many looked-up users are kept at most (the least used go
 * first)
 */
@ConfigurationProperties("crm-bridge.zendesk")
record ZendeskProperties(@Nullable URI baseUrl, @DefaultValue("") String email, @DefaultValue("") String apiToken,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("15m") Duration userCacheTtl, @DefaultValue("10000") int userCacheSize) {

	ZendeskProperties {
		if (userCacheSize < 1) {
			throw new IllegalArgumentException("crm-bridge.zendesk.user-cache-size (CRMBRIDGE_ZENDESK_USERCACHESIZE) "
					+ "must be at least 1, was " + userCacheSize);
		}
		if (!apiToken.isBlank() && (email.isBlank() || baseUrl == null || baseUrl.toString().isBlank())) {
			throw new IllegalArgumentException(
					"crm-bridge.zendesk.api-token is set but base-url or email is not: set CRMBRIDGE_ZENDESK_BASEURL and CRMBRIDGE_ZENDESK_EMAIL");
		}
	}

	boolean configured() {
		return !this.apiToken.isBlank() && this.baseUrl != null && !this.baseUrl.toString().isBlank();
	}

	@Override
	public String toString() {
		return "ZendeskProperties[baseUrl=" + this.baseUrl + ", email=" + this.email + ", apiToken=***]";
	}

}
