package dev.switchboard.gateway.webhook;

import java.util.regex.Pattern;
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

	/**
	 * The largest body that travels inside the message: RabbitMQ refuses messages over 16
	 * MiB, and base64 in JSON grows a body by a third. A larger one travels by reference
	 * ({@link Publication}): the message points at the delivery log, and the owner
	 * fetches the body.
	 */
	public static final DataSize LARGEST_INLINE_BODY = DataSize.ofMegabytes(10);

	/** GitHub sends up to 25 MB; nothing else comes close. */
	public static final DataSize LARGEST_BODY = DataSize.ofMegabytes(32);

	public WebhookProperties {
		limit("github", github.maxBody(), LARGEST_BODY);
		limit("jira", jira.maxBody(), LARGEST_BODY);
		// the owners of these providers take their bodies inline only
		limit("zendesk", zendesk.maxBody(), LARGEST_INLINE_BODY);
		limit("twilio", twilio.maxBody(), LARGEST_INLINE_BODY);
		limit("remote-session", remoteSession.maxBody(), LARGEST_INLINE_BODY);
		limit("statuspage", statuspage.maxBody(), LARGEST_INLINE_BODY);
	}

	private static void limit(String provider, DataSize maxBody, DataSize largest) {
		if (maxBody.compareTo(largest) > 0) {
			throw new IllegalArgumentException("gateway.webhooks." + provider + ".max-body " + maxBody + " is above "
					+ largest + ((largest == LARGEST_BODY) ? ""
							: ": its owner takes bodies inline only (RabbitMQ's 16 MiB message limit)"));
		}
	}

	/** The largest body any provider may send. */
	public DataSize largestMaxBody() {
		return Stream
			.of(this.github.maxBody(), this.jira.maxBody(), this.zendesk.maxBody(), this.twilio.maxBody(),
					this.remoteSession.maxBody(), this.statuspage.maxBody())
			.max(DataSize::compareTo)
			.orElseThrow();
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

		/**
		 * The token is the only credential of an unsigned webhook and sits in a path:
		 * long, and of the characters a path keeps as they are.
		 */
		private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{32,256}");

		public Token {
			check("GATEWAY_WEBHOOKS_STATUSPAGE_TOKEN", token);
			check("GATEWAY_WEBHOOKS_STATUSPAGE_PREVIOUSTOKEN", previousToken);
		}

		private static void check(String variable, @Nullable String value) {
			if (value != null && !value.isBlank() && !FORM.matcher(value).matches()) {
				throw new IllegalArgumentException(variable + " must be 32 to 256 characters of A-Z, a-z, 0-9, '-' "
						+ "and '_' (e.g. openssl rand -hex 32)");
			}
		}

		/**
		 * Whether a token from a path has the form of one (checked before anything else).
		 */
		public static boolean wellFormed(String candidate) {
			return FORM.matcher(candidate).matches();
		}

		public Secrets asSecrets() {
			return new Secrets(this.token, this.previousToken, this.maxBody);
		}

		@Override
		public String toString() {
			return "Token[configured=" + asSecrets().configured() + ", maxBody=" + this.maxBody + "]";
		}

	}

}
