package dev.switchboard.sandbox.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The simulated Zendesk's state: tickets with their statuses, comments and tags, and
 * users. Behaves as Zendesk does where it matters to Switchboard: a closed ticket cannot
 * be changed (a follow-up ticket is the way), {@code updated_at} moves by at least a
 * second with every change (Zendesk's stamps are to the second), {@code safe_update} with
 * an older stamp is refused, one user may update one ticket at most 30 times in 10
 * minutes, and a repeated {@code Idempotency-Key} creates no second ticket.
 */
@Component
public class Helpdesk {

	/**
	 * The user the services' API token belongs to: every comment they write is theirs.
	 */
	public static final long API_USER = 900_000_001L;

	static final int UPDATES_PER_WINDOW = 30;

	static final Duration UPDATE_WINDOW = Duration.ofMinutes(10);

	private static final Set<String> STATUSES = Set.of("new", "open", "pending", "hold", "solved", "closed");

	private final Map<Long, MutableTicket> tickets = new ConcurrentHashMap<>();

	private final Map<Long, User> users = new ConcurrentHashMap<>();

	private final Map<String, Long> idempotencyKeys = new ConcurrentHashMap<>();

	private final AtomicLong ticketIds = new AtomicLong(1000);

	private final AtomicLong commentIds = new AtomicLong(30_000_000L);

	private final AtomicLong userIds = new AtomicLong(900_000_100L);

	private final Clock clock;

	public Helpdesk(Clock clock) {
		this.clock = clock;
		this.users.put(API_USER, new User(API_USER, "Switchboard", "switchboard@example.com", null, "admin"));
	}

	public User addUser(String name, String email, String role) {
		return addUser(name, email, null, role);
	}

	public User addUser(String name, @Nullable String email, @Nullable String phone, String role) {
		User user = new User(this.userIds.incrementAndGet(), name, email, phone, role);
		this.users.put(user.id(), user);
		return user;
	}

	public Optional<User> user(long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	/** Every user's name by id, for showing who wrote a comment. */
	public Map<Long, String> userNames() {
		Map<Long, String> names = new HashMap<>();
		this.users.forEach((id, user) -> names.put(id, user.name()));
		return names;
	}

	/**
	 * End users whose phone's digits end with the digits asked for, as Zendesk's search
	 * {@code role:end-user phone:*<digits>} finds them.
	 */
	public List<User> endUsersByPhone(String digits) {
		return this.users.values()
			.stream()
			.filter((user) -> user.role().equals("end-user") && !digits.isEmpty()
					&& user.phoneDigits().endsWith(digits))
			.sorted(Comparator.comparingLong(User::id))
			.toList();
	}

	/** A ticket opened by the requester with a first public comment. */
	public Ticket open(String subject, long requesterId, String description, String status) {
		requireStatus(status);
		MutableTicket ticket = new MutableTicket(this.ticketIds.incrementAndGet(), subject, requesterId, status, now());
		ticket.comments
			.add(new Ticket.Comment(this.commentIds.incrementAndGet(), description, true, requesterId, now()));
		this.tickets.put(ticket.id, ticket);
		return ticket.snapshot();
	}

	/**
	 * {@code POST /api/v2/tickets.json} by the API user: a repeated idempotency key
	 * answers the ticket the first request created.
	 */
	public Ticket create(NewTicket request) {
		if (request.status() != null) {
			requireStatus(request.status());
		}
		if (request.idempotencyKey() != null) {
			Long earlier = this.idempotencyKeys.get(request.idempotencyKey());
			if (earlier != null) {
				return existing(earlier).snapshot();
			}
		}
		long requester = (request.requesterId() != null) ? request.requesterId() : API_USER;
		MutableTicket ticket = new MutableTicket(this.ticketIds.incrementAndGet(), request.subject(), requester,
				(request.status() != null) ? request.status() : "new", now());
		ticket.comments.add(new Ticket.Comment(this.commentIds.incrementAndGet(), request.commentBody(),
				request.commentPublic(), API_USER, now()));
		ticket.tags.addAll(request.tags());
		if (request.idempotencyKey() != null) {
			Long raced = this.idempotencyKeys.putIfAbsent(request.idempotencyKey(), ticket.id);
			if (raced != null) {
				return existing(raced).snapshot();
			}
		}
		this.tickets.put(ticket.id, ticket);
		return ticket.snapshot();
	}

	public Optional<Ticket> ticket(long id) {
		MutableTicket ticket = this.tickets.get(id);
		return (ticket != null) ? Optional.of(ticket.snapshot()) : Optional.empty();
	}

	public List<Ticket> tickets() {
		return this.tickets.values()
			.stream()
			.map(MutableTicket::snapshot)
			.sorted(Comparator.comparingLong(Ticket::id))
			.toList();
	}

	/** An agent (or end user) writes a comment in Zendesk's own UI. */
	public Ticket.Comment comment(long ticketId, long authorId, String body, boolean publicComment) {
		MutableTicket ticket = existing(ticketId);
		synchronized (ticket) {
			refuseIfClosed(ticket);
			Ticket.Comment comment = new Ticket.Comment(this.commentIds.incrementAndGet(), body, publicComment,
					authorId, now());
			ticket.comments.add(comment);
			ticket.touch(now());
			return comment;
		}
	}

	/**
	 * {@code PUT /api/v2/tickets/{id}.json} by the API user.
	 * @throws UpdateRefusedException as Zendesk refuses it (closed ticket, stale safe
	 * update, unknown status, too many updates)
	 */
	public Ticket update(long ticketId, TicketUpdate update) {
		MutableTicket ticket = existing(ticketId);
		synchronized (ticket) {
			refuseIfClosed(ticket);
			refuseIfTooMany(ticket);
			if (update.safeUpdate() && update.updatedStamp() != null
					&& !update.updatedStamp().equals(ticket.updatedAt.toString())) {
				throw new UpdateRefusedException(new UpdateRefused.Conflict(ticketId));
			}
			if (update.status() != null) {
				requireStatus(update.status());
				ticket.status = update.status();
			}
			if (update.commentBody() != null) {
				ticket.comments.add(new Ticket.Comment(this.commentIds.incrementAndGet(), update.commentBody(),
						update.commentPublic(), API_USER, now()));
			}
			ticket.tags.addAll(update.additionalTags());
			ticket.apiUpdates.addLast(this.clock.instant());
			ticket.touch(now());
			return ticket.snapshot();
		}
	}

	/** Tickets the user requested, as {@code /users/{id}/tickets/requested.json}. */
	public List<Ticket> requestedBy(long userId) {
		return tickets().stream().filter((ticket) -> ticket.requesterId() == userId).toList();
	}

	private MutableTicket existing(long ticketId) {
		MutableTicket ticket = this.tickets.get(ticketId);
		if (ticket == null) {
			throw new TicketNotFoundException(ticketId);
		}
		return ticket;
	}

	private static void refuseIfClosed(MutableTicket ticket) {
		if (ticket.status.equals("closed")) {
			throw new UpdateRefusedException(new UpdateRefused.Closed(ticket.id));
		}
	}

	private void refuseIfTooMany(MutableTicket ticket) {
		Instant windowStart = this.clock.instant().minus(UPDATE_WINDOW);
		while (!ticket.apiUpdates.isEmpty() && !ticket.apiUpdates.peekFirst().isAfter(windowStart)) {
			ticket.apiUpdates.removeFirst();
		}
		if (ticket.apiUpdates.size() >= UPDATES_PER_WINDOW) {
			Duration wait = Duration.between(windowStart, ticket.apiUpdates.peekFirst());
			throw new UpdateRefusedException(
					new UpdateRefused.RateLimited(ticket.id, Math.max(1, (wait.toMillis() + 999) / 1000)));
		}
	}

	private static void requireStatus(String status) {
		if (!STATUSES.contains(status)) {
			throw new UpdateRefusedException(new UpdateRefused.UnknownStatus(status));
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private static final class MutableTicket {

		final long id;

		final String subject;

		final long requesterId;

		String status;

		Instant updatedAt;

		final List<Ticket.Comment> comments = new ArrayList<>();

		final Set<String> tags = new LinkedHashSet<>();

		/** When the API user updated the ticket within the last window, oldest first. */
		final Deque<Instant> apiUpdates = new ArrayDeque<>();

		MutableTicket(long id, String subject, long requesterId, String status, Instant now) {
			this.id = id;
			this.subject = subject;
			this.requesterId = requesterId;
			this.status = status;
			this.updatedAt = now;
		}

		/** Zendesk's stamps are to the second: every change moves it by at least one. */
		void touch(Instant now) {
			this.updatedAt = now.isAfter(this.updatedAt) ? now : this.updatedAt.plusSeconds(1);
		}

		synchronized Ticket snapshot() {
			return new Ticket(this.id, this.subject, this.requesterId, this.status, this.updatedAt, this.comments,
					List.copyOf(this.tags));
		}

	}

}
