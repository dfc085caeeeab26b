package dev.switchboard.remotesession.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code remote-session.*}: how sessions are started and followed.
 *
 * @param defaultProvider the vendor a {@code /remote} note starts a session with
 * @param inviteExpiry a session nobody joined by then expires
 * @param pollInterval how often live sessions are checked at the vendor
 * @param oneLiveSessionPerTicketAndAgent a second start request for the same ticket and
 * agent returns the live session instead of starting another
 * @param customerReplyTemplate the public reply with the join link; placeholders
 * {@code {customerName}}, {@code {agentName}}, {@code {customerUrl}}, {@code {expiresAt}}
 * @param maxSilence a started session with no event for this long (no end event ever
 * came, e.g. a Guacamole session whose end was never pushed) is ended
 * @param parkedStarts how a start the vendor could not take is tried again
 */
@ConfigurationProperties("remote-session")
public record RemoteSessionProperties(@DefaultValue("teamviewer") ProviderName defaultProvider,
		@DefaultValue("30m") Duration inviteExpiry, @DefaultValue("30s") Duration pollInterval,
		@DefaultValue("true") boolean oneLiveSessionPerTicketAndAgent,
		@DefaultValue(DEFAULT_CUSTOMER_REPLY) String customerReplyTemplate, @DefaultValue("12h") Duration maxSilence,
		@DefaultValue ParkedStarts parkedStarts) {

	public static final String DEFAULT_CUSTOMER_REPLY = """
			Hello {customerName},

			to look at this together, please join the remote session: {customerUrl}

			{agentName} will ask for your permission before viewing or controlling your screen, \
			and you can end the session at any time. The link is valid until {expiresAt}.""";

	public RemoteSessionProperties {
		if (inviteExpiry.isNegative() || inviteExpiry.isZero()) {
			throw new IllegalArgumentException("remote-session.invite-expiry must be positive");
		}
		if (maxSilence.isNegative() || maxSilence.isZero()) {
			throw new IllegalArgumentException("remote-session.max-silence must be positive");
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("remote-session.poll-interval must be positive");
		}
		if (parkedStarts.firstWait().isNegative() || parkedStarts.firstWait().isZero()
				|| parkedStarts.maxWait().compareTo(parkedStarts.firstWait()) < 0) {
			throw new IllegalArgumentException(
					"remote-session.parked-starts.first-wait must be positive and at most max-wait");
		}
		if (!customerReplyTemplate.contains("{customerUrl}")) {
			throw new IllegalArgumentException(
					"remote-session.customer-reply-template must contain {customerUrl}, or the customer cannot join");
		}
	}

	/**
	 * {@code remote-session.parked-starts.*}: a start the vendor could not take (an
	 * outage, a long rate-limit wait, an unreadable answer) is tried again after
	 * {@code first-wait}, doubling up to {@code max-wait} (longer when the vendor asked
	 * for more), until its invitation would have expired ({@code invite-expiry}).
	 */
	public record ParkedStarts(@DefaultValue("30s") Duration firstWait, @DefaultValue("15m") Duration maxWait) {
	}

}
