package dev.switchboard.crmbridge.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@link Helpdesk} port in memory, answering as Zendesk does behind the adapter's own
 * retries: {@code safe_update} refuses a stale {@code updated_stamp} (409), a closed
 * ticket takes no update (422), a comment keeps a marker per command on its last line
 * ({@code [sb:1a2b3c4d]}, read back by {@link #commandsOn} from the newest
 * {@link #COMMENTS_PAGE} comments), a follow-up and a new ticket are created once per
 * idempotency key (the repeated request answers the first ticket, unchanged).
 *
 * <p>
 * Faults are scripted per operation: {@link #failNext} answers a failure without doing
 * anything, {@link #applyThenFail} does the work and then answers the failure (a read
 * timeout or a 5xx after Zendesk wrote the comment), so that a test can lose the outcome
 * of a write or fail the reads that would recognise it.
 */
public final class InMemoryHelpdesk implements Helpdesk {

	/** How many of a ticket's newest comments {@link #commandsOn} reads (one page). */
	public static final int COMMENTS_PAGE = 100;

	/** The account Switchboard writes with. */
	public static final String SWITCHBOARD_EMAIL = "switchboard@example.com";

	/** What can be asked of the helpdesk, for scripted faults and the request log. */
	public enum Operation {

		READ, UPDATE, COMMENTS, FOLLOW_UP, USER, SEARCH, CREATE_USER, REQUESTED, CREATE_TICKET

	}

	private final Clock clock;

	private final Map<String, Ticket> tickets = new LinkedHashMap<>();

	private final Map<String, HelpdeskUser> users = new LinkedHashMap<>();

	private final Map<String, String> idempotencyKeys = new HashMap<>();

	private final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);

	private final List<String> requests = new ArrayList<>();

	private boolean configured = true;

	private long nextId = 900_000;

	public InMemoryHelpdesk(Clock clock) {
		this.clock = clock;
	}

	// the test's side: tickets, users, faults

	public Ticket ticket(String id, String status) {
		Ticket ticket = new Ticket(id, status, null, "Ticket " + id, this.clock.instant());
		this.tickets.put(id, ticket);
		return ticket;
	}

	public Ticket ticket(String id) {
		Ticket ticket = this.tickets.get(id);
		if (ticket == null) {
			throw new AssertionError("no ticket " + id + " in the helpdesk");
		}
		return ticket;
	}

	public HelpdeskUser user(String id, String name, @Nullable String phone) {
		HelpdeskUser user = new HelpdeskUser(id, name, name.toLowerCase(java.util.Locale.ROOT) + "@example.com", phone);
		this.users.put(id, user);
		return user;
	}

	/** The tickets created by {@link #createFollowUp} and {@link #createTicket}. */
	public List<Ticket> created() {
		return this.tickets.values().stream().filter((ticket) -> ticket.createdByUs).toList();
	}

	/** The next request of this kind fails with {@code failure}, changing nothing. */
	public InMemoryHelpdesk failNext(Operation operation, HelpdeskFailure failure) {
		this.faults.computeIfAbsent(operation, (key) -> new ArrayDeque<>()).add(new Fault(failure, false));
		return this;
	}

	/** The next {@code times} requests of this kind fail with {@code failure}. */
	public InMemoryHelpdesk failNext(Operation operation, HelpdeskFailure failure, int times) {
		for (int i = 0; i < times; i++) {
			failNext(operation, failure);
		}
		return this;
	}

	/**
	 * The next request of this kind is carried out, then answered with {@code failure}
	 * (e.g. {@link HelpdeskFailure.Unavailable} for a timeout after sending): the caller
	 * does not learn that it was applied.
	 */
	public InMemoryHelpdesk applyThenFail(Operation operation, HelpdeskFailure failure) {
		this.faults.computeIfAbsent(operation, (key) -> new ArrayDeque<>()).add(new Fault(failure, true));
		return this;
	}

	/** Credentials missing: nothing may be written. */
	public void unconfigured() {
		this.configured = false;
	}

	/** Every request so far, as {@code OPERATION subject}. */
	public List<String> requests() {
		return List.copyOf(this.requests);
	}

	public long count(Operation operation) {
		return this.requests.stream().filter((request) -> request.startsWith(operation.name() + " ")).count();
	}

	// the port

	@Override
	public boolean configured() {
		return this.configured;
	}

	@Override
	public HelpdeskTicket read(String ticketId) {
		return answer(Operation.READ, ticketId, () -> existing(ticketId).view());
	}

	@Override
	public HelpdeskTicket update(String ticketId, TicketUpdate update, String updatedStamp) {
		return answer(Operation.UPDATE, ticketId, () -> {
			Ticket ticket = existing(ticketId);
			if (ticket.closed()) {
				throw new HelpdeskException(new HelpdeskFailure.Rejected(422, "Status: closed prevents ticket update"));
			}
			if (!ticket.stamp().equals(updatedStamp)) {
				throw new HelpdeskException(new HelpdeskFailure.Conflict(ticketId));
			}
			ticket.apply(update, touched(ticket));
			return ticket.view();
		});
	}

	@Override
	public Set<UUID> commandsOn(String ticketId, Collection<UUID> commandIds) {
		return answer(Operation.COMMENTS, ticketId, () -> {
			List<Comment> comments = existing(ticketId).comments;
			String newest = comments.subList(Math.max(0, comments.size() - COMMENTS_PAGE), comments.size())
				.stream()
				.map(Comment::body)
				.collect(Collectors.joining("\n"));
			return commandIds.stream().filter((id) -> newest.contains(marker(id))).collect(Collectors.toSet());
		});
	}

	@Override
	public HelpdeskTicket createFollowUp(String closedTicketId, TicketUpdate update) {
		return answer(Operation.FOLLOW_UP, closedTicketId, () -> {
			existing(closedTicketId);
			return once("switchboard-followup-" + closedTicketId, () -> {
				Ticket followUp = new Ticket(newId(), "open", null, "Follow-up of " + closedTicketId,
						this.clock.instant());
				followUp.followUpOf = closedTicketId;
				followUp.createdByUs = true;
				TicketUpdate first = (update.comment() != null) ? update
						: new TicketUpdate(new TicketUpdate.Comment(
								"Follow-up of closed ticket #" + closedTicketId + ", created by Switchboard.", false),
								update.status(), update.additionalTags(), update.customFields(), update.commandIds());
				followUp.apply(first, followUp.updatedAt);
				return followUp;
			});
		});
	}

	@Override
	public HelpdeskUser user(String userId) {
		return freshUser(userId);
	}

	@Override
	public HelpdeskUser freshUser(String userId) {
		return answer(Operation.USER, userId, () -> {
			HelpdeskUser user = this.users.get(userId);
			if (user == null) {
				throw new HelpdeskException(new HelpdeskFailure.NotFound(userId));
			}
			return user;
		});
	}

	@Override
	public List<HelpdeskUser> endUsersByPhone(String digits) {
		return answer(Operation.SEARCH, digits,
				() -> this.users.values()
					.stream()
					.filter((user) -> user.phone() != null && user.phone().replaceAll("[^0-9]", "").endsWith(digits))
					.toList());
	}

	@Override
	public HelpdeskUser createEndUser(String name, String phone) {
		return answer(Operation.CREATE_USER, phone, () -> user(newId(), name, phone));
	}

	@Override
	public List<HelpdeskTicket> requestedTickets(String userId) {
		return answer(Operation.REQUESTED, userId,
				() -> this.tickets.values()
					.stream()
					.filter((ticket) -> userId.equals(ticket.requesterId))
					.sorted(Comparator.comparing((Ticket ticket) -> ticket.updatedAt).reversed())
					.map(Ticket::view)
					.toList());
	}

	@Override
	public HelpdeskTicket createTicket(String subject, @Nullable String requesterId, TicketUpdate update,
			String idempotencyKey) {
		return answer(Operation.CREATE_TICKET, subject, () -> once(idempotencyKey, () -> {
			Ticket ticket = new Ticket(newId(), "new", requesterId, subject, this.clock.instant());
			ticket.createdByUs = true;
			ticket.apply(update, ticket.updatedAt);
			return ticket;
		}));
	}

	@Override
	public boolean isSwitchboard(HelpdeskUser user) {
		return SWITCHBOARD_EMAIL.equalsIgnoreCase(user.email());
	}

	/** The marker the adapter writes for a command. */
	public static String marker(UUID commandId) {
		return "[sb:" + commandId.toString().substring(0, 8) + "]";
	}

	private <T> T answer(Operation operation, String subject, Supplier<T> work) {
		this.requests.add(operation.name() + " " + subject);
		Deque<Fault> scripted = this.faults.get(operation);
		Fault fault = (scripted != null) ? scripted.poll() : null;
		if (fault == null) {
			return work.get();
		}
		if (fault.afterApplying()) {
			work.get();
		}
		throw new HelpdeskException(fault.failure());
	}

	private HelpdeskTicket once(String idempotencyKey, Supplier<Ticket> create) {
		String known = this.idempotencyKeys.get(idempotencyKey);
		if (known != null) {
			return Objects.requireNonNull(this.tickets.get(known), "a key names the ticket created with it").view();
		}
		Ticket ticket = create.get();
		this.tickets.put(ticket.id, ticket);
		this.idempotencyKeys.put(idempotencyKey, ticket.id);
		return ticket.view();
	}

	private Ticket existing(String ticketId) {
		Ticket ticket = this.tickets.get(ticketId);
		if (ticket == null) {
			throw new HelpdeskException(new HelpdeskFailure.NotFound(ticketId));
		}
		return ticket;
	}

	/** A write's {@code updated_at}: now, and always later than the one before. */
	private Instant touched(Ticket ticket) {
		Instant now = this.clock.instant();
		return now.isAfter(ticket.updatedAt) ? now : ticket.updatedAt.plusSeconds(1);
	}

	private String newId() {
		return Long.toString(this.nextId++);
	}

	/** A comment as the helpdesk keeps it (markers included). */
	public record Comment(String body, boolean publicComment) {
	}

	/** A ticket in the helpdesk; tests may change it behind Switchboard's back. */
	public final class Ticket {

		private final String id;

		private String status;

		private @Nullable String requesterId;

		private final String subject;

		private Instant updatedAt;

		private final List<Comment> comments = new ArrayList<>();

		private final Set<String> tags = new LinkedHashSet<>();

		private final Map<String, @Nullable String> fields = new LinkedHashMap<>();

		private @Nullable String followUpOf;

		private boolean createdByUs;

		Ticket(String id, String status, @Nullable String requesterId, String subject, Instant updatedAt) {
			this.id = id;
			this.status = status;
			this.requesterId = requesterId;
			this.subject = subject;
			this.updatedAt = updatedAt;
		}

		public String id() {
			return this.id;
		}

		public String status() {
			return this.status;
		}

		public @Nullable String requesterId() {
			return this.requesterId;
		}

		public String subject() {
			return this.subject;
		}

		public String stamp() {
			return this.updatedAt.toString();
		}

		public List<Comment> comments() {
			return List.copyOf(this.comments);
		}

		public Set<String> tags() {
			return Set.copyOf(this.tags);
		}

		public Map<String, @Nullable String> fields() {
			return java.util.Collections.unmodifiableMap(this.fields);
		}

		public @Nullable String followUpOf() {
			return this.followUpOf;
		}

		/**
		 * An agent edits the ticket: our next {@code safe_update} with the old stamp is
		 * refused.
		 */
		public Ticket editedByAnAgent() {
			this.updatedAt = touched(this);
			return this;
		}

		public Ticket requestedBy(String userId) {
			this.requesterId = userId;
			return this;
		}

		public Ticket lastUpdatedAt(Instant at) {
			this.updatedAt = at;
			return this;
		}

		public Ticket closedByAnAgent() {
			this.status = "closed";
			return editedByAnAgent();
		}

		boolean closed() {
			return "closed".equalsIgnoreCase(this.status);
		}

		void apply(TicketUpdate update, Instant at) {
			if (update.comment() != null) {
				String body = update.comment().body();
				if (!update.commandIds().isEmpty()) {
					body += "\n\n" + update.commandIds()
						.stream()
						.map(InMemoryHelpdesk::marker)
						.collect(Collectors.joining(" "));
				}
				this.comments.add(new Comment(body, update.comment().publicComment()));
			}
			if (update.status() != null) {
				this.status = update.status();
			}
			this.tags.addAll(update.additionalTags());
			this.fields.putAll(update.customFields());
			this.updatedAt = at;
		}

		HelpdeskTicket view() {
			return new HelpdeskTicket(this.id, this.status, stamp(), this.requesterId, this.subject, null);
		}

	}

	private record Fault(HelpdeskFailure failure, boolean afterApplying) {
	}

}
