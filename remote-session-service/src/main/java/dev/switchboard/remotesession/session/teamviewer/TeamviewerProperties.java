package dev.switchboard.remotesession.session.teamviewer;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-session.teamviewer.*}. An empty {@code token}
 * ({@code REMOTESESSION_TEAMVIEWER_TOKEN}) switches TeamViewer off.
 *
 * @param maxShortWait a 429 whose Retry-After is at most this long is retried in place; a
 * longer one fails the call as unavailable
 */
@ConfigurationProperties("remote-session.teamviewer")
record TeamviewerProperties(@DefaultValue("https://webapi.teamviewer.com") URI baseUrl, @DefaultValue("") String token,
		@DefaultValue("Switchboard") String groupName, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("5s") Duration maxShortWait) {

	TeamviewerProperties {
		if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
			throw new IllegalArgumentException("remote-session.teamviewer.base-url must be an http(s) URL");
		}
		if (groupName.isBlank()) {
			throw new IllegalArgumentException("remote-session.teamviewer.group-name must not be blank");
		}
	}

	boolean configured() {
		return !this.token.isBlank();
	}

	@Override
	public String toString() {
		return "TeamviewerProperties[baseUrl=" + this.baseUrl + ", token=***]";
	}

}
