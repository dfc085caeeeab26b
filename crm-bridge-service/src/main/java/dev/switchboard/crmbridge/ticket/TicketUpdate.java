package dev.switchboard.crmbridge.ticket;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One helpdesk update: at most one comment (one visibility), a status, tags to add, and
 * custom field values.
 */
public record TicketUpdate(@Nullable Comment comment, @Nullable String status, List<String> additionalTags,
		Map<String, @Nullable String> customFields) {

	public TicketUpdate {
		additionalTags = List.copyOf(additionalTags);
		customFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFields));
	}

	public boolean isEmpty() {
		return this.comment == null && this.status == null && this.additionalTags.isEmpty()
				&& this.customFields.isEmpty();
	}

	/** A comment; {@code publicComment == false} is an internal note. */
	public record Comment(String body, boolean publicComment) {
	}

}
