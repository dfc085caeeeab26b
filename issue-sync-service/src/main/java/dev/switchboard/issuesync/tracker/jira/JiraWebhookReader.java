package dev.switchboard.issuesync.tracker.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.tracker.IssueChange;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.Tracker;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import dev.switchboard.issuesync.tracker.WebhookReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Jira {@code jira:issue_updated}: the issue as it is now, ordered by the payload's
 * {@code timestamp} (epoch ms); the status transition's "from" comes from the changelog.
 * Keyed on {@code issue.id}: an issue moved to another project keeps its id. A comment
 * ({@code comment_created}, or an {@code issue_updated} whose
 * {@code issue_event_type_name} is {@code issue_commented}) is a
 * {@link IssueChange.Commented}, keyed on the comment's id so that both deliveries of one
 * comment relay it once.
 */
@Component
class JiraWebhookReader implements WebhookReader {

	private final JsonMapper json;

	private final String site;

	JiraWebhookReader(JsonMapper json, IssueSyncProperties properties) {
		this.json = json;
		this.site = properties.jira()
			.enabledBaseUrl()
			.map((url) -> url.toString().replaceAll("/+$", ""))
			.orElse("https://jira.invalid");
	}

	@Override
	public Tracker tracker() {
		return Tracker.JIRA;
	}

	@Override
	public List<IssueChange> read(InboundDelivery delivery) {
		boolean updated = "jira:issue_updated".equals(delivery.eventType());
		boolean released = "jira:version_released".equals(delivery.eventType());
		if (!updated && !released && !"comment_created".equals(delivery.eventType())) {
			return List.of();
		}
		JsonNode payload;
		try {
			payload = this.json.readTree(delivery.body());
		}
		catch (JacksonException ex) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, "delivery " + delivery.deliveryId(), ex);
		}
		JsonNode timestamp = payload.path("timestamp");
		if (!timestamp.canConvertToLong()) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, "delivery " + delivery.deliveryId(), null);
		}
		Instant at = Instant.ofEpochMilli(timestamp.asLong());
		if (released) {
			return versionReleased(payload.path("version"), at, delivery);
		}
		List<IssueChange> changes = new ArrayList<>();
		if (updated) {
			String actor = JiraIssueJson.text(payload.path("user"), "displayName");
			changes.add(new IssueChange.Updated(JiraIssueJson.snapshot(payload.path("issue"), this.site, at),
					previousStatus(payload), actor, delivery.correlationId()));
		}
		JsonNode comment = payload.path("comment");
		boolean commented = !updated || "issue_commented".equals(JiraIssueJson.text(payload, "issue_event_type_name"));
		if (commented && comment.isObject()) {
			try {
				changes.add(new IssueChange.Commented(JiraIssueJson.snapshot(payload.path("issue"), this.site, at),
						JiraIssueJson.required(comment, "id"),
						JiraIssueJson.text(comment.path("author"), "displayName"),
						JiraIssueJson.plainText(comment.path("body")), delivery.correlationId()));
			}
			catch (IllegalArgumentException ex) {
				throw new TrackerFailure.Malformed(Tracker.JIRA, "delivery " + delivery.deliveryId(), ex);
			}
		}
		return changes;
	}

	private static List<IssueChange> versionReleased(JsonNode version, Instant at, InboundDelivery delivery) {
		try {
			String id = JiraIssueJson.required(version, "id");
			if (!id.matches("[0-9]{1,18}") || !version.path("released").asBoolean(true)) {
				throw new IllegalArgumentException("not a released version");
			}
			String date = JiraIssueJson.text(version, "releaseDate");
			return List.of(new IssueChange.VersionReleased(id, JiraIssueJson.required(version, "name"),
					(date != null) ? java.time.LocalDate.parse(date) : null, at, delivery.correlationId()));
		}
		catch (IllegalArgumentException | java.time.format.DateTimeParseException ex) {
			throw new TrackerFailure.Malformed(Tracker.JIRA, "delivery " + delivery.deliveryId(), ex);
		}
	}

	private static @Nullable String previousStatus(JsonNode payload) {
		for (JsonNode item : payload.path("changelog").path("items")) {
			if ("status".equals(JiraIssueJson.text(item, "field"))) {
				return JiraIssueJson.text(item, "fromString");
			}
		}
		return null;
	}

}
