package dev.switchboard.issuesync.link.web;

/** The URL names no issue on a recognised GitHub host or the configured Jira site. */
class UnsupportedIssueUrl extends RuntimeException {

	UnsupportedIssueUrl(String url) {
		super("Not an issue URL on a configured GitHub host or Jira site: " + url);
	}

}
