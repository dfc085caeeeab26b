package dev.switchboard.issuesync.delivery.gateway;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code issue-sync.gateway.*}: where the gateway serves the bodies of deliveries too
 * large for a message (GitHub sends up to 25 MB).
 *
 * @param url the gateway's base URL as the services reach it
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout (a body can be tens of megabytes)
 */
@Validated
@ConfigurationProperties("issue-sync.gateway")
record GatewayProperties(@DefaultValue("http://localhost:8080") @NotNull URI url,
		@DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {
}
