package dev.switchboard.statuspage.posting;

/**
 * A customer's HTTPS endpoint: a JSON event per update, signed with Standard Webhooks.
 */
public interface WebhookEvents {

	/**
	 * @param messageId the same on every attempt of this delivery ({@code webhook-id})
	 */
	PostResult post(String url, String secret, String messageId, IncidentView view);

}
