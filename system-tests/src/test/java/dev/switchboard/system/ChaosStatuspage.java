package dev.switchboard.system;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Statuspage's incident webhook as Statuspage sends it: the whole incident with every
 * update so far, newest first, one update a minute apart.
 */
final class ChaosStatuspage {

	private ChaosStatuspage() {
	}

	/** The webhook sent when update {@code upTo} (1-based) was posted. */
	static String webhook(ChaosPlan.Incident incident, Instant opened, int upTo) {
		StringBuilder updates = new StringBuilder();
		for (int update = upTo; update >= 1; update--) {
			Instant at = opened.plus(update - 1, ChronoUnit.MINUTES);
			if (update < upTo) {
				updates.append(',');
			}
			updates.append("{\"id\":\"")
				.append(updateId(incident, update))
				.append("\",\"incident_id\":\"")
				.append(incident.code())
				.append("\",\"status\":\"")
				.append(ChaosPlan.STATUSES[update - 1])
				.append("\",\"body\":\"")
				.append(text(incident, update))
				.append("\",\"created_at\":\"")
				.append(at)
				.append("\",\"display_at\":\"")
				.append(at)
				.append("\",\"updated_at\":\"")
				.append(at)
				.append("\",\"affected_components\":null}");
		}
		String status = ChaosPlan.STATUSES[upTo - 1];
		Instant updated = opened.plus(upTo - 1, ChronoUnit.MINUTES);
		return "{\"meta\":{\"unsubscribe\":\"https://status.chaos.example/?unsubscribe=x\","
				+ "\"documentation\":\"https://help.statuspage.io/knowledge_base/topics/webhook-notifications\"},"
				+ "\"page\":{\"id\":\"" + incident.pageId() + "\",\"status_indicator\":\"minor\","
				+ "\"status_description\":\"Partial System Outage\"},\"incident\":{\"id\":\"" + incident.code()
				+ "\",\"name\":\"" + incident.name() + "\",\"status\":\"" + status + "\",\"impact\":\"minor\","
				+ "\"shortlink\":\"https://stspg.io/" + incident.code() + "\",\"created_at\":\"" + opened
				+ "\",\"updated_at\":\"" + updated + "\",\"resolved_at\":"
				+ (status.equals("resolved") ? "\"" + updated + "\"" : "null") + ",\"incident_updates\":[" + updates
				+ "]}}";
	}

	static String updateId(ChaosPlan.Incident incident, int update) {
		return incident.code() + "u" + update;
	}

	/** The update's text, which its Slack message carries. */
	static String text(ChaosPlan.Incident incident, int update) {
		return "Update " + update + " of incident " + incident.index() + ".";
	}

}
