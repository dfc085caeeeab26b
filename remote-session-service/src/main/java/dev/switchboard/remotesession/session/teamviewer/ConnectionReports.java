package dev.switchboard.remotesession.session.teamviewer;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.remotesession.session.SessionActivity;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * TeamViewer connection reports ({@code records[]} with {@code session_code},
 * {@code username}, {@code devicename}, {@code start_date}, {@code end_date}) as session
 * activities: the earliest start, and an end once every connection with the code has one.
 */
final class ConnectionReports {

	private ConnectionReports() {
	}

	static List<SessionActivity> activities(String code, JsonNode reports) {
		Instant start = null;
		Instant end = null;
		boolean allEnded = true;
		String agent = null;
		String device = null;
		JsonNode records = reports.path("records");
		for (JsonNode record : records) {
			if (!code.equalsIgnoreCase(TeamviewerSessionProvider.text(record, "session_code"))) {
				continue;
			}
			Instant recordStart = instant(TeamviewerSessionProvider.text(record, "start_date"));
			Instant recordEnd = instant(TeamviewerSessionProvider.text(record, "end_date"));
			if (recordStart == null) {
				continue;
			}
			if (start == null || recordStart.isBefore(start)) {
				start = recordStart;
				agent = TeamviewerSessionProvider.text(record, "username");
				device = TeamviewerSessionProvider.text(record, "devicename");
			}
			if (recordEnd == null) {
				allEnded = false;
			}
			else if (end == null || recordEnd.isAfter(end)) {
				end = recordEnd;
			}
		}
		List<SessionActivity> activities = new ArrayList<>();
		if (start == null) {
			return activities;
		}
		activities.add(SessionActivity.started(code, start, agent, device, SessionActivity.Source.POLL));
		if (allEnded && end != null) {
			activities.add(SessionActivity.ended(code, end, start, Duration.between(start, end).toSeconds(),
					"connection closed", null, SessionActivity.Source.POLL));
		}
		return activities;
	}

	static @Nullable Instant instant(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
