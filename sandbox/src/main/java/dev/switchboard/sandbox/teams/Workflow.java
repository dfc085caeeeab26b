package dev.switchboard.sandbox.teams;

/**
 * A Teams channel's Workflows webhook ("Post to a channel when a webhook request is
 * received"): its id, the channel it posts to, and the {@code sig} its URL carries.
 */
public record Workflow(String id, String channel, String sig) {

	/** The webhook URL on a base URL, shaped as Power Automate hands it out. */
	public String url(String baseUrl) {
		return baseUrl + "/teams/workflows/" + this.id
				+ "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig="
				+ this.sig;
	}

}
