package dev.switchboard.gateway.webhook;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.webhooks.<provider>.*}: one typed field per provider, because an
 * environment variable cannot carry a map key with a dash
 * ({@code GATEWAY_WEBHOOKS_REMOTESESSION_SECRET} binds {@code remoteSession}).
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookProperties(@DefaultValue Secrets github, @DefaultValue Secrets jira, @DefaultValue Secrets zendesk,
		@DefaultValue Secrets twilio, @DefaultValue Secrets remoteSession) {

	/**
	 * A provider's signing secret, the previous one (accepted too while a rotation is
	 * under way) and its body limit. Without a secret the provider is switched off.
	 */
	public record Secrets(@Nullable String secret, @Nullable String previousSecret,
			@DefaultValue("1MB") DataSize maxBody) {

		public boolean configured() {
			return this.secret != null && !this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "Secrets[configured=" + configured() + ", maxBody=" + this.maxBody + "]";
		}

	}

}
