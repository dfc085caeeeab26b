package dev.switchboard.crmbridge.call.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crm-bridge.twilio.*}: the Voice API. An empty {@code auth-token} means "not
 * configured" (click-to-call answers 503; callbacks are still logged).
 *
 * @param authToken a secret (also the gateway's Twilio webhook secret), never logged
 * @param accountSid {@code AC} and 32 hex digits (checked: it is part of the request
 * path)
 * @param fromNumber the number customers are dialled from, E.164
 */
@ConfigurationProperties("crm-bridge.twilio")
record TwilioProperties(@DefaultValue("https://api.twilio.com") URI baseUrl, @DefaultValue("") String accountSid,
		@DefaultValue("") String authToken, @DefaultValue("") String fromNumber,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout) {

	/** Twilio's account sids: {@code AC} and 32 hex digits. */
	private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

	/**
	 * The account sid is a segment of every request path: anything else than Twilio's
	 * form fails start-up.
	 */
	TwilioProperties {
		if (!accountSid.isBlank() && !ACCOUNT_SID.matcher(accountSid).matches()) {
			throw new IllegalArgumentException(
					"crm-bridge.twilio.account-sid (CRMBRIDGE_TWILIO_ACCOUNTSID) is not a Twilio account sid: "
							+ "AC and 32 hex digits");
		}
	}

	boolean configured() {
		return !this.authToken.isBlank() && !this.accountSid.isBlank() && !this.fromNumber.isBlank();
	}

	@Override
	public String toString() {
		return "TwilioProperties[baseUrl=" + this.baseUrl + ", accountSid=" + this.accountSid
				+ ", authToken=***, fromNumber=" + this.fromNumber + "]";
	}

}
