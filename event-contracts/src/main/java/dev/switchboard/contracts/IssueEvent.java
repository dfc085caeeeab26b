package dev.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened to a tracker issue followed by issue-sync-service, published on
 * {@link Destinations#ISSUES_EVENTS}. Issues are identified by tracker ({@code github},
 * {@code jira}) and the tracker's own issue id, never by number, key or URL. The
 * {@code type} property names the member of the family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = IssueLinked.class, name = "issue-linked"),
		@JsonSubTypes.Type(value = IssueUnlinked.class, name = "issue-unlinked"),
		@JsonSubTypes.Type(value = IssueStateChanged.class, name = "issue-state-changed") })
public sealed interface IssueEvent permits IssueLinked, IssueUnlinked, IssueStateChanged {

	int schemaVersion();

	/**
	 * Deterministic, derived from the causing event; also the AMQP {@code message_id}.
	 */
	UUID eventId();

	String correlationId();

	/** {@code github} or {@code jira}. */
	String tracker();

	/**
	 * The tracker's immutable issue id (GitHub {@code issue.id}, Jira {@code issue.id}).
	 */
	String issueId();

	Instant occurredAt();

}
