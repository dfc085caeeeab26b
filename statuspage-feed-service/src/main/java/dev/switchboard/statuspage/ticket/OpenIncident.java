package dev.switchboard.statuspage.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An incident open now on a status page, with the names a ticket may use for what it
 * affects.
 *
 * @param components the affected components (every name either source gave)
 * @param aliases other names of those components, from the subscriptions to the page
 * @param latestAt when its current status was posted
 */
public record OpenIncident(UUID feedId, String code, String title, String status, @Nullable String link,
		Instant latestAt, List<String> components, Map<String, List<String>> aliases) {

	public OpenIncident {
		components = List.copyOf(components);
		aliases = Map.copyOf(aliases);
	}

	/** The components' names and their aliases. */
	public List<String> names() {
		List<String> names = new ArrayList<>(this.components);
		for (String component : this.components) {
			this.aliases.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(component.strip()))
				.forEach((entry) -> names.addAll(entry.getValue()));
		}
		return names;
	}

	/** The component a name belongs to (the name itself when it is one). */
	public String componentOf(String name) {
		for (String component : this.components) {
			if (component.equals(name)) {
				return component;
			}
		}
		return this.aliases.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(name))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(name);
	}

}
