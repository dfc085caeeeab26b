package dev.switchboard.gateway.webhook;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gateway.webhooks.<provider>.*}: one typed field per provider, because an
 * environment variable cannot carry a map key with a dash
 * ({@code GATEWAY_WEBHOOKS_REMOTESESSION_SECRET} binds {@code remoteSession}). Blank
 * values count as not configured (compose passes empty variables).
 */
@ConfigurationProperties("gateway.webhooks")
public record WebhookProperties(@DefaultValue Secrets github, @DefaultValue Secrets jira, @DefaultValue Secrets zendesk,
		@DefaultValue Secrets twilio, @DefaultValue Secrets remoteSession, @DefaultValue Token statuspage) {

	/** RabbitMQ refuses messages over 16 MiB; base64 in JSON grows a body by a third. */
	public static final DataSize LARGEST_INLINE_BODY = DataSize.ofMegabytes(10);

	public WebhookProperties {
		Stream
			.of(github.maxBody(), jira.maxBody(), zendesk.maxBody(), twilio.maxBody(), remoteSession.maxBody(),
					statuspage.maxBody())
			.filter((limit) -> limit.compareTo(LARGEST_INLINE_BODY) > 0)
			.findAny()
			.ifPresent((limit) -> {
				throw new IllegalArgumentException("gateway.webhooks.*.max-body " + limit + " is above "
						+ LARGEST_INLINE_BODY + ": deliveries travel inline on RabbitMQ (16 MiB message limit)");
			});
	}

	/**
	 * A provider's signing secret, the previous one (accepted too while a rotation is
	 * under way) and its body limit. Without a secret the provider is switched off.
	 */
	public record Secrets(@Nullable String secret, @Nullable String previousSecret,
			@DefaultValue("1MB") DataSize maxBody) {

		public boolean configured() {
			return present(this.secret);
		}

		/**
		 * The secrets a signature may be made with: the current one, then the previous
		 * one.
		 */
		public Stream<String> candidates() {
			return Stream.of(this.secret, this.previousSecret).filter(Secrets::present).map(String::valueOf);
		}

		private static boolean present(@Nullable String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "Secrets[configured=" + configured() + ", maxBody=" + this.maxBody + "]";
		}

	}

	/**
	 * Statuspage signs nothing: a secret token in the webhook's path, and the previous
	 * one in a rotation.
	 */
	public record Token(@Nullable String token, @Nullable String previousToken, @DefaultValue("1MB") DataSize maxBody) {

		public Secrets asSecrets() {
			return new Secrets(this.token, this.previousToken, this.maxBody);
		}

		@Override
		public String toString() {
			return "Token[configured=" + asSecrets().configured() + ", maxBody=" + this.maxBody + "]";
		}

	}

}
