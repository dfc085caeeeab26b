package dev.switchboard.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook secrets and admin key of one chaos run, and the environment that points the
 * services at them and at the SaaS fakes.
 */
record ChaosSecrets(String github, String twilio, String zendesk, String statuspageToken, String adminKey) {

	static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	static ChaosSecrets random() {
		return new ChaosSecrets("chaos-github-" + UUID.randomUUID(), "chaos-twilio-" + UUID.randomUUID(),
				"chaos-zendesk-" + UUID.randomUUID(),
				UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
				"chaos-admin-" + UUID.randomUUID());
	}

	/**
	 * What the launcher passes on to the services: secrets, the fakes' base URLs, the
	 * broker port (the proxy's), and shorter intervals than production so a short run
	 * sees reconciliation, the Slack pacing, and remote sessions followed to their end
	 * (TeamViewer polled every 5 s, a parked start tried again after 5 s, at most 30 s
	 * apart).
	 */
	Map<String, String> environment(String saas, int brokerPort) {
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_RABBITMQ_PORT", Integer.toString(brokerPort));
		// two instances of five services share PostgreSQL's 100 connections (a
		// platform team sizes pools the same way: instances x pool < max_connections):
		// 6 each, and crm-bridge, whose delivery consumers need 2 connections each and
		// 10 besides, 14 for 2 consumers (2 x (4 x 6 + 14) = 76)
		env.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", "6");
		env.put("SWITCHBOARD_JAVA_OPTS_CRM_BRIDGE_SERVICE",
				"-Dspring.datasource.hikari.maximum-pool-size=14 -Dcrm-bridge.deliveries.consumers=2");
		env.put("STATUSPAGEFEED_DELIVERY_CONCURRENCY", "4");
		env.put("GATEWAY_WEBHOOKS_GITHUB_SECRET", this.github);
		env.put("GATEWAY_WEBHOOKS_TWILIO_SECRET", this.twilio);
		env.put("GATEWAY_WEBHOOKS_ZENDESK_SECRET", this.zendesk);
		env.put("GATEWAY_WEBHOOKS_STATUSPAGE_TOKEN", this.statuspageToken);
		env.put("GATEWAY_APIKEYS_0_NAME", "chaos");
		env.put("GATEWAY_APIKEYS_0_SHA256", sha256(this.adminKey));
		env.put("GATEWAY_API_RATELIMIT", "500");
		env.put("ISSUESYNC_GITHUB_BASEURL", saas);
		env.put("ISSUESYNC_GITHUB_TOKEN", "chaos-github-token");
		env.put("ISSUESYNC_RECONCILIATIONINTERVAL", "30s");
		env.put("CRMBRIDGE_ZENDESK_BASEURL", saas);
		env.put("CRMBRIDGE_ZENDESK_EMAIL", "switchboard@example.com");
		env.put("CRMBRIDGE_ZENDESK_APITOKEN", "chaos-zendesk-token");
		env.put("CRMBRIDGE_COMMANDS_REQUESTSPERMINUTE", "3000");
		env.put("CRMBRIDGE_TWILIO_AUTHTOKEN", this.twilio);
		env.put("CRMBRIDGE_TWILIO_ACCOUNTSID", TWILIO_ACCOUNT);
		env.put("STATUSPAGEFEED_SLACK_BASEURL", saas + "/slack");
		env.put("STATUSPAGEFEED_SLACK_BOTTOKEN", "xoxb-chaos-token");
		env.put("STATUSPAGEFEED_SLACK_CHANNELINTERVAL", "200ms");
		env.put("STATUSPAGEFEED_SLACK_WORKSPACEMESSAGESPERMINUTE", "6000");
		env.put("STATUSPAGEFEED_ALLOWPRIVATEADDRESSES", "true");
		env.put("REMOTESESSION_TEAMVIEWER_BASEURL", saas + "/teamviewer");
		env.put("REMOTESESSION_TEAMVIEWER_TOKEN", "chaos-teamviewer-token");
		env.put("REMOTESESSION_POLLINTERVAL", "5s");
		env.put("REMOTESESSION_PARKEDSTARTS_FIRSTWAIT", "5s");
		env.put("REMOTESESSION_PARKEDSTARTS_MAXWAIT", "30s");
		return env;
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
