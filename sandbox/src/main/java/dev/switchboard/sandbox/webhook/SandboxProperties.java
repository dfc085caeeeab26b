package dev.switchboard.sandbox.webhook;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the simulated providers send their webhooks and the secrets they sign them with
 * (the same values the gateway is given: {@code ./switchboard demo} sets both).
 *
 * @param gatewayUrl the gateway's base URL ({@code SANDBOX_GATEWAYURL})
 * @param githubSecret GitHub's webhook secret ({@code SANDBOX_GITHUBSECRET})
 * @param zendeskSecret Zendesk's webhook signing secret ({@code SANDBOX_ZENDESKSECRET})
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(@NotNull @DefaultValue("http://localhost:8080") URI gatewayUrl, @NotBlank(
		message = "set SANDBOX_GITHUBSECRET to the gateway's GATEWAY_WEBHOOKS_GITHUB_SECRET") String githubSecret,
		@NotBlank(
				message = "set SANDBOX_ZENDESKSECRET to the gateway's GATEWAY_WEBHOOKS_ZENDESK_SECRET") String zendeskSecret) {
}
