package dev.switchboard.crmbridge.ticket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.contracts.TicketCommand;

/**
 * One helpdesk update planned from a ticket's pending commands.
 *
 * @param update what to send
 * @param applied the commands the update carries
 * @param dropped commands settled without effect, with the reason (also in the update's
 * internal note)
 * @param remaining commands left for the next update (notes of the other visibility)
 */
public record UpdatePlan(TicketUpdate update, List<UUID> applied, Map<UUID, String> dropped,
		List<TicketCommand> remaining) {

	public UpdatePlan {
		applied = List.copyOf(applied);
		dropped = Map.copyOf(dropped);
		remaining = List.copyOf(remaining);
	}

	/** How many notes were joined into the update's comment beyond the first. */
	public int coalesced(List<TicketCommand> planned) {
		long notes = planned.stream()
			.filter((command) -> this.applied.contains(command.commandId()))
			.filter(UpdatePlanner::isNote)
			.count();
		return (int) Math.max(0, notes - 1);
	}

}
