package dev.switchboard.sandbox.statuspage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The simulated Statuspage page: its components, and incidents with their update trail.
 * Every change moves the page's version (the feed's ETag) and its last-modified time.
 */
@Component
public class StatusPage {

	/** Statuspage's page ids are 12 lower-case letters and digits. */
	public static final String PAGE_ID = "sbx0acme0cld";

	public static final String NAME = "Acme Cloud";

	public static final List<String> COMPONENTS = List.of("API", "Dashboard", "Billing");

	static final Set<String> TERMINAL = Set.of("resolved", "postmortem", "completed");

	private static final Set<String> STATUSES = Set.of("investigating", "identified", "monitoring", "resolved",
			"postmortem");

	private static final String CODE_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final Map<String, StatusIncident> incidents = new LinkedHashMap<>();

	private final Clock clock;

	private long version;

	private Instant changedAt;

	public StatusPage(Clock clock) {
		this.clock = clock;
		this.changedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/** Opens an incident with its first update, {@code investigating}. */
	public synchronized StatusIncident open(String name, String impact, List<String> components, String body) {
		if (!COMPONENTS.containsAll(components)) {
			throw new IllegalArgumentException("the page has no component among " + components);
		}
		Instant now = this.clock.instant();
		StatusIncident incident = new StatusIncident(code(12), this.incidents.size() + 1L, name, impact, components,
				now, List.of(new StatusIncident.Update(code(12), "investigating", body, now)));
		this.incidents.put(incident.code(), incident);
		changed(now);
		return incident;
	}

	/** Posts an update to an open incident. */
	public synchronized StatusIncident post(String code, String status, String body) {
		StatusIncident incident = incident(code)
			.orElseThrow(() -> new IllegalArgumentException("no incident " + code + " on the page"));
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException(status + " is not an incident status");
		}
		if (incident.resolved()) {
			throw new IllegalStateException("incident " + code + " is " + incident.status() + " already");
		}
		Instant now = this.clock.instant();
		List<StatusIncident.Update> updates = new ArrayList<>(incident.updates());
		updates.add(new StatusIncident.Update(code(12), status, body, now));
		StatusIncident updated = new StatusIncident(code, incident.number(), incident.name(), incident.impact(),
				incident.components(), incident.createdAt(), updates);
		this.incidents.put(code, updated);
		changed(now);
		return updated;
	}

	public synchronized Optional<StatusIncident> incident(String code) {
		return Optional.ofNullable(this.incidents.get(code));
	}

	/** Every incident, newest first, as the feed lists them. */
	public synchronized List<StatusIncident> incidents() {
		return this.incidents.values()
			.stream()
			.sorted(Comparator.comparing(StatusIncident::createdAt).reversed())
			.toList();
	}

	/** The newest incident that is not resolved yet. */
	public Optional<StatusIncident> open() {
		return incidents().stream().filter((incident) -> !incident.resolved()).findFirst();
	}

	/** The feed's validators: a strong ETag per change, Last-Modified to the second. */
	public synchronized Validators validators() {
		return new Validators("\"page-" + PAGE_ID + "-" + this.version + "\"", this.changedAt);
	}

	private void changed(Instant now) {
		this.version++;
		Instant second = now.truncatedTo(ChronoUnit.SECONDS);
		this.changedAt = second.isAfter(this.changedAt) ? second : this.changedAt;
	}

	private String code(int length) {
		StringBuilder code = new StringBuilder(length);
		// a letter first: an id of digits only would read as a ticket id in the console
		code.append(CODE_LETTERS.charAt(this.random.nextInt(26)));
		for (int i = 1; i < length; i++) {
			code.append(CODE_LETTERS.charAt(this.random.nextInt(CODE_LETTERS.length())));
		}
		return code.toString();
	}

	/** What a conditional GET compares. */
	public record Validators(String etag, Instant lastModified) {
	}

}
