package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import org.jspecify.annotations.Nullable;

/**
 * Turns a ticket's pending commands (in {@code causedAt} order) into as few updates as
 * the helpdesk allows: one update carries one comment, so notes of the visibility that
 * comes first are joined and the other visibility waits for the next update; tags, fields
 * and the status ride along with the first update.
 */
public final class UpdatePlanner {

	static final String NOTE_SEPARATOR = "\n\n";

	private UpdatePlanner() {
	}

	/**
	 * @param lastExternalStatusAt the ticket's last status change by someone else: a
	 * reopen caused before it is dropped, with a note
	 */
	public static UpdatePlan next(List<TicketCommand> pending, @Nullable Instant lastExternalStatusAt) {
		Boolean publicComment = null;
		List<String> notes = new ArrayList<>();
		List<UUID> applied = new ArrayList<>();
		Map<UUID, String> dropped = new LinkedHashMap<>();
		List<TicketCommand> remaining = new ArrayList<>();
		String status = null;
		LinkedHashSet<String> tags = new LinkedHashSet<>();
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		for (TicketCommand command : pending) {
			boolean commandIsPublic = command instanceof AddPublicReply;
			boolean carriesNote = isNote(command) || isStaleReopen(command, lastExternalStatusAt);
			if (carriesNote && publicComment != null && publicComment != commandIsPublic) {
				remaining.add(command);
				continue;
			}
			if (carriesNote) {
				publicComment = commandIsPublic;
			}
			switch (command) {
				case AddInternalNote note -> notes.add(note.body());
				case AddPublicReply reply -> notes.add(reply.body());
				case AddTags add -> tags.addAll(add.tags());
				case SetField field -> fields.put(field.fieldId(), field.value());
				case Reopen reopen -> {
					if (isStaleReopen(reopen, lastExternalStatusAt)) {
						String reason = "Switchboard did not reopen this ticket: the reopen was caused at "
								+ reopen.causedAt() + ", before the ticket's last status change at "
								+ lastExternalStatusAt + ".";
						notes.add(reason);
						dropped.put(reopen.commandId(), reason);
						continue;
					}
					status = "open";
				}
			}
			applied.add(command.commandId());
		}
		TicketUpdate.Comment comment = notes.isEmpty() ? null
				: new TicketUpdate.Comment(String.join(NOTE_SEPARATOR, notes), Boolean.TRUE.equals(publicComment));
		List<UUID> settled = new ArrayList<>(applied);
		settled.addAll(dropped.keySet());
		return new UpdatePlan(new TicketUpdate(comment, status, List.copyOf(tags), fields, settled), applied, dropped,
				remaining);
	}

	static boolean isNote(TicketCommand command) {
		return command instanceof AddInternalNote || command instanceof AddPublicReply;
	}

	private static boolean isStaleReopen(TicketCommand command, @Nullable Instant lastExternalStatusAt) {
		return command instanceof Reopen && lastExternalStatusAt != null
				&& command.causedAt().isBefore(lastExternalStatusAt);
	}

}
