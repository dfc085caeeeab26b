package dev.switchboard.crmbridge.ticket;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dev.switchboard.contracts.SchemaVersions;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.contracts.TicketFollowedUp;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drain of ticket commands. {@link #due()} names the tickets one cycle takes;
 * {@link #drain} applies one ticket's pending commands under the ticket's row lock, in a
 * transaction of its own (called through this bean's proxy, one call per ticket: the
 * cycle lives in {@code scheduling.TicketDrainJob}): in {@code causedAt} order, as few
 * updates as possible ({@link UpdatePlanner}), within the per-ticket window and the
 * account's request budget, each with {@code safe_update}. A closed ticket gets a
 * follow-up that later commands go to. Failures are settled here and never thrown: the
 * transaction commits what was applied.
 */
@Service
public class TicketDrain {

	private static final Logger log = LoggerFactory.getLogger(TicketDrain.class);

	private static final int CONFLICT_RETRIES = 3;

	private static final int TICKETS_PER_CYCLE = 100;

	private final PendingCommands pending;

	private final TicketHistory history;

	private final Helpdesk helpdesk;

	private final RequestBudget budget;

	private final HelpdeskAccess access;

	private final TicketEvents events;

	private final DeadLetters deadLetters;

	private final CommandProperties properties;

	private final Clock clock;

	public TicketDrain(PendingCommands pending, TicketHistory history, Helpdesk helpdesk, RequestBudget budget,
			HelpdeskAccess access, TicketEvents events, DeadLetters deadLetters, CommandProperties properties,
			Clock clock) {
		this.pending = pending;
		this.history = history;
		this.helpdesk = helpdesk;
		this.budget = budget;
		this.access = access;
		this.events = events;
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The tickets one drain cycle takes: those whose follow-up is not announced yet, then
	 * those with due pending commands (at most 100). None while credentials are missing
	 * or refused: nothing is written then, the commands wait in the database.
	 */
	public List<String> due() {
		if (!this.helpdesk.configured() || !this.access.mayTry()) {
			return List.of();
		}
		List<String> tickets = new ArrayList<>(this.history.unannouncedFollowUps());
		Instant now = this.clock.instant();
		tickets.addAll(this.pending.ticketsDue(now, now.minus(this.properties.settle()), TICKETS_PER_CYCLE));
		return tickets.stream().distinct().toList();
	}

	/**
	 * Whether the helpdesk refuses our credentials: a cycle stops at once, and nothing is
	 * written until {@code auth-recheck} has passed.
	 */
	public boolean credentialsRefused() {
		return this.access.refusal() != null;
	}

	@Transactional
	public DrainReport drain(String ticketId) {
		Instant now = this.clock.instant();
		// a command received just now waits for the ones published with it (see settle)
		Instant settled = now.minus(this.properties.settle());
		TicketState state = announceFollowUp(this.history.lock(ticketId), now);
		List<TicketCommand> backlog = this.pending.pendingFor(ticketId, settled);
		DrainReport report = DrainReport.NOTHING;
		String target = state.target();
		List<TicketCommand> planned = List.of();
		try {
			HelpdeskTicket ticket = null;
			if (!backlog.isEmpty()) {
				report = settleSentBefore(ticketId, target, state.lastExternalStatusAt(), now);
				backlog = this.pending.pendingFor(ticketId, settled);
			}
			while (!backlog.isEmpty()) {
				List<Instant> writes = this.history.writesSince(target, now.minus(this.properties.ticketWindow()));
				if (writes.size() >= this.properties.updatesPerTicket()) {
					this.history.park(ticketId, writes.get(0).plus(this.properties.ticketWindow()));
					return report;
				}
				UpdatePlan plan = UpdatePlanner.next(backlog, state.lastExternalStatusAt());
				planned = backlog;
				if (ticket == null) {
					String readTarget = target;
					ticket = call(() -> this.helpdesk.read(readTarget));
				}
				if (plan.update().marked()) {
					this.pending.markSent(plan.update().commandIds(), now);
				}
				if (ticket.closed()) {
					String closed = target;
					ticket = call(() -> this.helpdesk.createFollowUp(closed, plan.update()));
					target = ticket.id();
					this.history.rememberFollowUp(ticketId, target, now);
					state = new TicketState(ticketId, 0, target, false, state.lastExternalStatusAt(),
							state.lastStatusEventAt());
					log.info("Ticket {} is closed: created follow-up {}", closed, target);
				}
				else {
					ticket = write(target, plan.update(), ticket);
				}
				this.history.recordWrite(target, now, ticket.updatedStamp());
				this.pending.markApplied(plan.applied(), target, now);
				plan.dropped().forEach((id, reason) -> this.pending.markDropped(id, reason, now));
				report = report.plus(plan.applied().size(), plan.coalesced(backlog), plan.dropped().size());
				backlog = plan.remaining();
				planned = List.of();
			}
			this.history.succeeded(ticketId);
			this.access.accepted();
			announceFollowUp(state, now);
			return report;
		}
		catch (BudgetExhausted exhausted) {
			this.history.park(ticketId, exhausted.until);
			return report;
		}
		catch (HelpdeskException ex) {
			return settle(ticketId, ex.failure(), backlog, planned, report, now);
		}
	}

	/**
	 * A drain that failed unexpectedly (a bug or an unforeseen answer) counts as a failed
	 * attempt, so one bad ticket never blocks the others and is dead-lettered after
	 * {@code max-failures}.
	 */
	@Transactional
	public DrainReport unexpected(String ticketId, RuntimeException failure) {
		this.history.lock(ticketId);
		List<TicketCommand> backlog = this.pending.pendingFor(ticketId);
		HelpdeskFailure cause = new HelpdeskFailure.Unavailable("unexpected " + failure.getClass().getSimpleName());
		return retryLater(ticketId, backlog, DrainReport.NOTHING.failedWith(cause), this.clock.instant());
	}

	private DrainReport settle(String ticketId, HelpdeskFailure failure, List<TicketCommand> backlog,
			List<TicketCommand> planned, DrainReport report, Instant now) {
		log.warn("Commands for ticket {} not applied: {}", ticketId, failure.describe());
		DrainReport failed = report.failedWith(failure);
		return switch (failure) {
			case HelpdeskFailure.RateLimited limited -> {
				this.pending.recordFailure(ids(backlog), failure.describe(), now);
				// parked per ticket (Zendesk also answers 429 for the per-ticket update
				// limit);
				// the request budget keeps the account below its per-minute limit
				this.history.park(ticketId, now.plus(limited.retryAfter()));
				yield failed;
			}
			case HelpdeskFailure.Unauthorized refused -> {
				this.pending.recordFailure(ids(backlog), failure.describe(), now);
				this.access.refused(refused.status());
				yield failed;
			}
			case HelpdeskFailure.NotFound notFound -> failed.deadLettered(deadLetter(backlog, failure, now));
			case HelpdeskFailure.Rejected rejected -> failed.deadLettered(deadLetter(planned, failure, now));
			case HelpdeskFailure.Unavailable unavailable -> retryLater(ticketId, backlog, failed, now);
			case HelpdeskFailure.Malformed malformed -> retryLater(ticketId, backlog, failed, now);
			case HelpdeskFailure.Conflict conflict -> retryLater(ticketId, backlog, failed, now);
		};
	}

	/**
	 * A failed attempt the commands wait out (each counted on them for the timeline):
	 * parked with back-off, dead-lettered after {@code max-failures} in a row.
	 */
	private DrainReport retryLater(String ticketId, List<TicketCommand> backlog, DrainReport report, Instant now) {
		HelpdeskFailure failure = report.failure();
		this.pending.recordFailure(ids(backlog), (failure != null) ? failure.describe() : "failed", now);
		int failures = this.history.failed(ticketId);
		if (failures >= this.properties.maxFailures()) {
			this.history.succeeded(ticketId);
			return report.deadLettered(deadLetter(backlog, report.failure(), now));
		}
		long factor = 1L << Math.min(failures - 1, 10);
		this.history.park(ticketId, now.plus(this.properties.failureBackoff().multipliedBy(factor)));
		return report;
	}

	private int deadLetter(List<TicketCommand> commands, @Nullable HelpdeskFailure failure, Instant now) {
		String reason = (failure != null) ? failure.describe() : "failed";
		List<UUID> ids = new ArrayList<>();
		for (TicketCommand command : commands) {
			this.deadLetters.deadLetter(command, reason);
			ids.add(command.commandId());
		}
		this.pending.markDeadLettered(ids, reason, now);
		return ids.size();
	}

	private static List<UUID> ids(List<TicketCommand> commands) {
		return commands.stream().map(TicketCommand::commandId).toList();
	}

	private HelpdeskTicket write(String target, TicketUpdate update, HelpdeskTicket read) {
		HelpdeskTicket current = read;
		for (int attempt = 1;; attempt++) {
			HelpdeskTicket ticket = current;
			try {
				return call(() -> this.helpdesk.update(target, update, ticket.updatedStamp()));
			}
			catch (HelpdeskException ex) {
				if (!(ex.failure() instanceof HelpdeskFailure.Conflict) || attempt >= CONFLICT_RETRIES) {
					throw ex;
				}
				if (update.marked() && call(() -> this.helpdesk.commandsOn(target, update.commandIds()))
					.containsAll(update.commandIds())) {
					// the ticket changed because an earlier attempt of this update was
					// applied
					return call(() -> this.helpdesk.read(target));
				}
				current = call(() -> this.helpdesk.read(target));
				if (current.closed()) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Commands sent before without a recorded outcome (a timeout, a crash or a rollback
	 * between the helpdesk's answer and the commit) may be on the ticket already: the
	 * ones whose marker is on its recent comments are settled as they were planned, the
	 * others are sent again.
	 */
	private DrainReport settleSentBefore(String ticketId, String target, @Nullable Instant lastExternalStatusAt,
			Instant now) {
		Set<UUID> unsure = this.pending.sentBefore(ticketId);
		if (unsure.isEmpty()) {
			return DrainReport.NOTHING;
		}
		Set<UUID> onTicket = call(() -> this.helpdesk.commandsOn(target, unsure));
		List<TicketCommand> found = this.pending.pendingFor(ticketId)
			.stream()
			.filter((command) -> onTicket.contains(command.commandId()))
			.toList();
		DrainReport report = DrainReport.NOTHING;
		while (!found.isEmpty()) {
			UpdatePlan plan = UpdatePlanner.next(found, lastExternalStatusAt);
			this.pending.markFoundOnTicket(plan.applied(), target, now);
			plan.dropped().forEach((id, reason) -> this.pending.markDropped(id, reason, now));
			report = report.plus(plan.applied().size(), plan.coalesced(found), plan.dropped().size());
			found = plan.remaining();
		}
		if (!onTicket.isEmpty()) {
			log.info("{} command(s) for ticket {} were on it already (an earlier update's answer was lost)",
					onTicket.size(), target);
		}
		return report;
	}

	/**
	 * Publishes the follow-up until the broker confirmed it (again, if it may not have
	 * left: the event id is derived from the two tickets, so receivers drop a repeat).
	 * @return the state, announced if the publish was confirmed
	 */
	private TicketState announceFollowUp(TicketState state, Instant now) {
		String followUp = state.followUpTicketId();
		if (followUp == null || state.followUpAnnounced()) {
			return state;
		}
		UUID eventId = UUID.nameUUIDFromBytes(
				("ticket-followed-up:" + state.ticketId() + ":" + followUp).getBytes(StandardCharsets.UTF_8));
		try {
			this.events.publish(new TicketFollowedUp(SchemaVersions.CURRENT, eventId, "followup-" + state.ticketId(),
					state.ticketId(), now, followUp));
			this.history.followUpAnnounced(state.ticketId(), now);
			return new TicketState(state.ticketId(), state.failedAttempts(), followUp, true,
					state.lastExternalStatusAt(), state.lastStatusEventAt());
		}
		catch (RuntimeException ex) {
			log.warn("Follow-up {} of ticket {} not published yet: {}", followUp, state.ticketId(), ex.toString());
			return state;
		}
	}

	private <T> T call(Supplier<T> request) {
		// the request itself is counted where it is sent (the helpdesk client)
		this.budget.exhaustedFor().ifPresent((wait) -> {
			throw new BudgetExhausted(this.clock.instant().plus(wait));
		});
		return request.get();
	}

	private static final class BudgetExhausted extends RuntimeException {

		private final Instant until;

		BudgetExhausted(Instant until) {
			super("request budget exhausted until " + until, null, false, false);
			this.until = until;
		}

	}

}
