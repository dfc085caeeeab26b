package dev.switchboard.sandbox.statuspage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statuspage's incident webhook body: {@code meta}, {@code page} and the whole
 * {@code incident} with its components and every update newest first, each naming the
 * components it affected.
 */
public final class StatuspageEvents {

	private StatuspageEvents() {
	}

	public static Map<String, Object> incident(StatusIncident incident, String link) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("meta", Map.of("unsubscribe", link + "/unsubscribe", "documentation",
				"https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/"));
		root.put("page", Map.of("id", StatusPage.PAGE_ID, "status_indicator", incident.resolved() ? "none" : "major",
				"status_description", incident.resolved() ? "All Systems Operational" : "Partial System Outage"));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", incident.code());
		json.put("name", incident.name());
		json.put("status", incident.status());
		json.put("impact", incident.impact());
		json.put("shortlink", link);
		json.put("page_id", StatusPage.PAGE_ID);
		json.put("created_at", incident.createdAt().toString());
		json.put("updated_at", incident.updatedAt().toString());
		json.put("resolved_at", incident.resolved() ? incident.updatedAt().toString() : null);
		json.put("components", components(incident, incident.resolved() ? "operational" : "partial_outage"));
		json.put("incident_updates", incident.updates().reversed().stream().map((update) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", update.id());
			item.put("incident_id", incident.code());
			item.put("status", update.status());
			item.put("body", update.body());
			item.put("created_at", update.createdAt().toString());
			item.put("updated_at", update.createdAt().toString());
			item.put("display_at", update.createdAt().toString());
			item.put("affected_components", incident.components()
				.stream()
				.map((name) -> Map.of("code", componentId(name), "name", name, "old_status", "operational",
						"new_status", StatusPage.TERMINAL.contains(update.status()) ? "operational" : "partial_outage"))
				.toList());
			return item;
		}).toList());
		root.put("incident", json);
		return root;
	}

	private static List<Map<String, Object>> components(StatusIncident incident, String status) {
		return incident.components()
			.stream()
			.map((name) -> Map.<String, Object>of("id", componentId(name), "name", name, "status", status))
			.toList();
	}

	/** A stable, Statuspage-like component id for a name. */
	static String componentId(String name) {
		return String.format("%012x", name.hashCode() & 0xffffffffL).substring(0, 12);
	}

}
