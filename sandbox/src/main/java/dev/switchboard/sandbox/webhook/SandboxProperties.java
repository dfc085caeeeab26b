package dev.switchboard.sandbox.webhook;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the simulated providers send their webhooks, the secrets they sign them with and
 * the credentials the services call them with (the same values the gateway and the
 * services are given: {@code ./switchboard demo} sets both sides).
 *
 * @param gatewayUrl the gateway's base URL ({@code SANDBOX_GATEWAYURL}), also where the
 * page links the operator console
 * @param publicUrl the sandbox's own URL as the services and a browser reach it
 * ({@code SANDBOX_PUBLICURL}): feed, join and recording links
 * @param githubSecret GitHub's webhook secret ({@code SANDBOX_GITHUBSECRET})
 * @param zendeskSecret Zendesk's webhook signing secret ({@code SANDBOX_ZENDESKSECRET})
 * @param jiraSecret the secret Jira signs its webhooks with ({@code SANDBOX_JIRASECRET})
 * @param jiraEmail the Jira account issue-sync calls with ({@code SANDBOX_JIRAEMAIL})
 * @param jiraApiToken that account's API token ({@code SANDBOX_JIRAAPITOKEN})
 * @param twilioAccountSid the Twilio account ({@code SANDBOX_TWILIOACCOUNTSID})
 * @param twilioAuthToken Twilio's auth token: API password and callback signing key
 * ({@code SANDBOX_TWILIOAUTHTOKEN})
 * @param remoteSessionSecret the Standard Webhooks secret the remote-desktop vendor signs
 * its session events with ({@code SANDBOX_REMOTESESSIONSECRET}, {@code whsec_…})
 * @param statuspageToken the secret token in the gateway's Statuspage webhook path
 * ({@code SANDBOX_STATUSPAGETOKEN})
 * @param teamviewerToken the TeamViewer API token remote-session calls with
 * ({@code SANDBOX_TEAMVIEWERTOKEN})
 * @param guacamoleSecretKey Guacamole's {@code json-secret-key}, 32 hex digits, shared
 * with remote-session ({@code SANDBOX_GUACAMOLESECRETKEY})
 * @param gatewayApiKey an admin API key of the gateway: the stories create subscriptions
 * and click-to-call through it ({@code SANDBOX_GATEWAYAPIKEY})
 * @param callBeat the pace of a simulated call: a ring, an answer or a hang-up a beat or
 * a few apart ({@code SANDBOX_CALLBEAT})
 */
@Validated
@ConfigurationProperties("sandbox")
public record SandboxProperties(@NotNull @DefaultValue("http://localhost:8080") URI gatewayUrl,
		@NotNull @DefaultValue("http://localhost:8090") URI publicUrl,
		@NotBlank(
				message = "set SANDBOX_GITHUBSECRET to the gateway's GATEWAY_WEBHOOKS_GITHUB_SECRET") String githubSecret,
		@NotBlank(
				message = "set SANDBOX_ZENDESKSECRET to the gateway's GATEWAY_WEBHOOKS_ZENDESK_SECRET") String zendeskSecret,
		@NotBlank(message = "set SANDBOX_JIRASECRET to the gateway's GATEWAY_WEBHOOKS_JIRA_SECRET") String jiraSecret,
		@NotBlank @DefaultValue("switchboard@example.com") String jiraEmail,
		@NotBlank(message = "set SANDBOX_JIRAAPITOKEN to issue-sync's ISSUESYNC_JIRA_APITOKEN") String jiraApiToken,
		@NotBlank(message = "set SANDBOX_TWILIOACCOUNTSID to crm-bridge's CRMBRIDGE_TWILIO_ACCOUNTSID") @Pattern(
				regexp = "AC[0-9a-fA-F]{32}",
				message = "SANDBOX_TWILIOACCOUNTSID is AC and 32 hex digits") String twilioAccountSid,
		@NotBlank(
				message = "set SANDBOX_TWILIOAUTHTOKEN to the gateway's GATEWAY_WEBHOOKS_TWILIO_SECRET") String twilioAuthToken,
		@NotBlank(
				message = "set SANDBOX_REMOTESESSIONSECRET to the gateway's GATEWAY_WEBHOOKS_REMOTESESSION_SECRET") @Pattern(
						regexp = "whsec_.+",
						message = "SANDBOX_REMOTESESSIONSECRET is whsec_ and a base64 key") String remoteSessionSecret,
		@NotBlank(
				message = "set SANDBOX_STATUSPAGETOKEN to the gateway's GATEWAY_WEBHOOKS_STATUSPAGE_TOKEN") String statuspageToken,
		@NotBlank(
				message = "set SANDBOX_TEAMVIEWERTOKEN to remote-session's REMOTESESSION_TEAMVIEWER_TOKEN") String teamviewerToken,
		@NotBlank(
				message = "set SANDBOX_GUACAMOLESECRETKEY to remote-session's REMOTESESSION_GUACAMOLE_SECRETKEY") @Pattern(
						regexp = "[0-9a-fA-F]{32}",
						message = "SANDBOX_GUACAMOLESECRETKEY is 32 hex digits (a 128-bit key)") String guacamoleSecretKey,
		@NotBlank(
				message = "set SANDBOX_GATEWAYAPIKEY to an operator key of the gateway's admin API") String gatewayApiKey,
		@NotNull @DefaultValue("1s") Duration callBeat) {

	/** The sandbox's URL with the path appended. */
	public String link(String path) {
		return this.publicUrl.toString().replaceAll("/+$", "") + path;
	}

	/** The gateway's URL with the path appended. */
	public String gateway(String path) {
		return this.gatewayUrl.toString().replaceAll("/+$", "") + path;
	}

	@Override
	public String toString() {
		return "SandboxProperties[gatewayUrl=" + this.gatewayUrl + ", publicUrl=" + this.publicUrl + ", secrets=***]";
	}

}
