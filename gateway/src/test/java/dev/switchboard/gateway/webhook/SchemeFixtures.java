package dev.switchboard.gateway.webhook;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/** Properties for scheme unit tests: one provider switched on, the others off. */
public final class SchemeFixtures {

	private SchemeFixtures() {
	}

	public static WebhookProperties.Secrets secrets(@Nullable String secret, @Nullable String previous) {
		return new WebhookProperties.Secrets(secret, previous, DataSize.ofMegabytes(1));
	}

	public static WebhookProperties only(String provider, WebhookProperties.Secrets secrets) {
		WebhookProperties.Secrets off = secrets(null, null);
		return new WebhookProperties(provider.equals("github") ? secrets : off, provider.equals("jira") ? secrets : off,
				provider.equals("zendesk") ? secrets : off, provider.equals("twilio") ? secrets : off,
				provider.equals("remote-session") ? secrets : off,
				provider.equals("statuspage")
						? new WebhookProperties.Token(secrets.secret(), secrets.previousSecret(),
								DataSize.ofMegabytes(1))
						: new WebhookProperties.Token(null, null, DataSize.ofMegabytes(1)));
	}

	public static GatewayProperties gateway(String publicBaseUrl) {
		return gateway(publicBaseUrl, null);
	}

	public static GatewayProperties gateway(String publicBaseUrl, @Nullable DataSize bodyBudget) {
		return new GatewayProperties(URI.create(publicBaseUrl),
				new GatewayProperties.Publish(Duration.ofSeconds(5), Duration.ofSeconds(30), 2),
				new GatewayProperties.Ingress(bodyBudget));
	}

}
