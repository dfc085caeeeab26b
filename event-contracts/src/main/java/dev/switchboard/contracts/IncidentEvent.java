package dev.switchboard.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

/**
 * An update of a status-page incident, published by statuspage-feed-service on
 * {@link Destinations#STATUS_INCIDENTS} once per update (feed and webhook copies of the
 * same update are one event). The {@code type} property names the member of the family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = IncidentOpened.class, name = "incident-opened"),
		@JsonSubTypes.Type(value = IncidentUpdated.class, name = "incident-updated"),
		@JsonSubTypes.Type(value = IncidentResolved.class, name = "incident-resolved") })
public sealed interface IncidentEvent permits IncidentOpened, IncidentUpdated, IncidentResolved {

	int schemaVersion();

	/**
	 * This event's own id, derived from the source, the incident and the update's minute
	 * and status; also the AMQP {@code message_id}.
	 */
	UUID eventId();

	String correlationId();

	/** When the update was posted on the status page (minute precision from feeds). */
	Instant occurredAt();

	/** The feed URL the incident belongs to. */
	String source();

	/**
	 * The incident's id: the Statuspage incident code, or the entry id of a plain feed.
	 */
	String incidentId();

	String title();

	/**
	 * The update's status in lower case with underscores (investigating, identified,
	 * monitoring, resolved, postmortem, scheduled, in_progress, verifying, completed, or
	 * {@code update} for plain feeds).
	 */
	String status();

	/** none, minor, major, critical, maintenance; unknown when the feed does not say. */
	@Nullable String impact();

	/** Names of the affected components; empty when unknown. */
	List<String> components();

	@Nullable String link();

	/** The update's text (plain text). */
	String text();

}
