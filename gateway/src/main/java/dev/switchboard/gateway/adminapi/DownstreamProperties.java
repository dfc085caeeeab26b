package dev.switchboard.gateway.adminapi;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gateway.services.*}: where the owning services listen (one field per service, so
 * environment variables bind: {@code GATEWAY_SERVICES_ISSUESYNC}). Compose uses the
 * service names, the launcher localhost with its port offset.
 */
@ConfigurationProperties("gateway.services")
public record DownstreamProperties(@DefaultValue("http://localhost:8081") URI issueSync,
		@DefaultValue("http://localhost:8082") URI statuspageFeed, @DefaultValue("http://localhost:8083") URI crmBridge,
		@DefaultValue("http://localhost:8084") URI remoteSession) {
}
