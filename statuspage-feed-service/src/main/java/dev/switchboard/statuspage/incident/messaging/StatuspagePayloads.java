package dev.switchboard.statuspage.incident.messaging;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.statuspage.incident.IncidentUpdate;
import dev.switchboard.statuspage.incident.StatuspageNotice;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statuspage's webhook body: {@code page.id}, and for incident notices
 * {@code incident{id,name,impact,shortlink,components[],incident_updates[{status,body,
 * created_at,display_at,affected_components[{code,name}]}]}}. Update times are truncated
 * to the minute, as the feed shows them, so both copies share one key.
 */
class StatuspagePayloads {

	private final JsonMapper json;

	StatuspagePayloads(JsonMapper json) {
		this.json = json;
	}

	StatuspageNotice read(InboundDelivery delivery) {
		JsonNode root = this.json.readTree(delivery.body());
		String pageId = text(root.path("page").path("id"));
		if (pageId == null) {
			throw new IllegalArgumentException("Statuspage delivery " + delivery.deliveryId() + " has no page.id");
		}
		JsonNode incident = root.path("incident");
		List<IncidentUpdate> updates = new ArrayList<>();
		if (incident.isObject()) {
			String code = text(incident.path("id"));
			if (code == null) {
				throw new IllegalArgumentException("Statuspage incident without an id");
			}
			String title = String.valueOf(text(incident.path("name")));
			List<String> incidentComponents = names(incident.path("components"));
			for (JsonNode update : incident.path("incident_updates")) {
				String at = (text(update.path("display_at")) != null) ? text(update.path("display_at"))
						: text(update.path("created_at"));
				String status = text(update.path("status"));
				if (at == null || status == null) {
					continue;
				}
				List<String> affected = names(update.path("affected_components"));
				updates.add(new IncidentUpdate(code, title, text(incident.path("shortlink")),
						OffsetDateTime.parse(at).toInstant().truncatedTo(ChronoUnit.MINUTES), status,
						String.valueOf(text(update.path("body"))), text(incident.path("impact")),
						(affected != null) ? affected : incidentComponents));
			}
		}
		return new StatuspageNotice(delivery.eventId(), delivery.correlationId(), delivery.deliveryId(), pageId,
				updates);
	}

	/** Component names, or {@code null} when the payload does not say. */
	private static @Nullable List<String> names(JsonNode components) {
		if (!components.isArray() || components.isEmpty()) {
			return null;
		}
		List<String> names = new ArrayList<>();
		for (JsonNode component : components) {
			String name = text(component.path("name"));
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isValueNode() && !node.isNull()) ? node.asString() : null;
	}

}
