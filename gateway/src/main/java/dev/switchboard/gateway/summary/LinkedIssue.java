package dev.switchboard.gateway.summary;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An issue linked to the ticket.
 *
 * @param linkId the link's id ({@code DELETE /api/links/{linkId}} unlinks)
 * @param tracker {@code github} or {@code jira}
 * @param key {@code owner/repo#42} or {@code KEY-1}
 * @param state as the tracker names it: {@code open}, {@code closed as completed}, or
 * Jira's status name ({@code In Progress})
 * @param stage {@code open}, {@code in-progress} or {@code closed}
 * @param updatedAt the tracker's last change of the issue
 * @param reports how many tickets are linked to the issue (this one included)
 */
public record LinkedIssue(String linkId, String tracker, String key, String url, String title, String state,
		String stage, @Nullable String assignee, Instant updatedAt, int reports) {

	public static final String OPEN = "open";

	public static final String IN_PROGRESS = "in-progress";

	public static final String CLOSED = "closed";

	/**
	 * The stage of an issue from issue-sync's category ({@code open}, {@code completed},
	 * {@code not-planned}) and, for Jira, its status category ({@code new},
	 * {@code indeterminate}, {@code done}).
	 */
	public static String stageOf(String category, @Nullable String statusCategory) {
		if (!OPEN.equals(category.toLowerCase(Locale.ROOT))) {
			return CLOSED;
		}
		return "indeterminate".equals(statusCategory) ? IN_PROGRESS : OPEN;
	}

}
