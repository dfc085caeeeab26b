package dev.switchboard.crmbridge.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One helpdesk update: at most one comment (one visibility), a status, tags to add, and
 * custom field values.
 *
 * @param commandIds the commands the update settles: the helpdesk keeps a marker of each
 * with the comment, so that an update whose outcome is unknown can be recognised on the
 * ticket instead of being sent twice ({@link Helpdesk#commandsOn})
 */
public record TicketUpdate(@Nullable Comment comment, @Nullable String status, List<String> additionalTags,
		Map<String, @Nullable String> customFields, List<UUID> commandIds) {

	// the canonical constructor written out rather than compact: javac records a compact
	// constructor's @Nullable type argument (customFields) against the field, so code
	// compiled against this class would see Map<String, String>
	public TicketUpdate(@Nullable Comment comment, @Nullable String status, List<String> additionalTags,
			Map<String, @Nullable String> customFields, List<UUID> commandIds) {
		this.comment = comment;
		this.status = status;
		this.additionalTags = List.copyOf(additionalTags);
		this.customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
		this.commandIds = List.copyOf(commandIds);
	}

	/**
	 * An update no command stands for (a follow-up's or a new ticket's first comment).
	 */
	public TicketUpdate(@Nullable Comment comment, @Nullable String status, List<String> additionalTags,
			Map<String, @Nullable String> customFields) {
		this(comment, status, additionalTags, customFields, List.of());
	}

	public boolean isEmpty() {
		return this.comment == null && this.status == null && this.additionalTags.isEmpty()
				&& this.customFields.isEmpty();
	}

	/**
	 * Whether the update leaves a marker on the ticket that {@link Helpdesk#commandsOn}
	 * finds.
	 */
	public boolean marked() {
		return this.comment != null && !this.commandIds.isEmpty();
	}

	/** A comment; {@code publicComment == false} is an internal note. */
	public record Comment(String body, boolean publicComment) {
	}

}
