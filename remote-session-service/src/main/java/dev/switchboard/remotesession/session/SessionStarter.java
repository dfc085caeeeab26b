package dev.switchboard.remotesession.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Starts a session: reserve (at most one live session per ticket and agent, decided by a
 * database constraint), create it at the vendor outside any transaction, then record the
 * invitation and its messages. A second request returns the live session.
 */
@Service
public class SessionStarter {

	private static final Logger log = LoggerFactory.getLogger(SessionStarter.class);

	private final SessionLedger ledger;

	private final Map<ProviderName, SessionProvider> providers;

	private static final Duration PARKING_LEASE = Duration.ofMinutes(5);

	private static final int PARKED_BATCH = 20;

	private final SessionCounters counters;

	private final RemoteSessionProperties properties;

	private final Clock clock;

	public SessionStarter(SessionLedger ledger, List<SessionProvider> providers, SessionCounters counters,
			RemoteSessionProperties properties, Clock clock) {
		this.ledger = ledger;
		this.providers = providers.stream().collect(Collectors.toMap(SessionProvider::name, Function.identity()));
		this.counters = counters;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param messageId the causing message's own id (a note), or {@code null} (API)
	 */
	public Started start(StartRequest request, @Nullable UUID messageId) {
		SessionProvider provider = provider(request.provider());
		provider.check(request);
		SessionLedger.Reservation reservation = this.ledger.reserve(request, messageId);
		Session reserved = reservation.session();
		if (!reservation.reserved()) {
			log.info("Start request for ticket {} returns the existing session {} ({})", request.ticketId(),
					reserved.id(), reserved.state().id());
			this.counters.started(request.provider(), request.via(), "existing");
			return new Started(reserved, Result.FOUND);
		}
		CreatedSession created;
		try {
			created = provider.create(new NewSession(reserved.id(), reserved.ticketId(), reserved.agentEmail(),
					reserved.customer(), request.connection(), reserved.expiresAt()));
		}
		catch (VendorException ex) {
			this.counters.vendorFailed(request.provider(), ex.failure());
			switch (ex.failure()) {
				case VendorFailure.Refused refused -> {
					// the ticket is told what the vendor refused and what to fix
					Session failed = this.ledger.refused(reserved.id(), refused);
					this.counters.started(request.provider(), request.via(), "failed");
					if (request.via() == StartedVia.NOTE) {
						return new Started(failed, Result.FAILED);
					}
					throw ex;
				}
				case VendorFailure.Unavailable unavailable -> {
					return park(request, reserved, unavailable);
				}
				case VendorFailure.Unreadable unreadable -> {
					if (request.via() == StartedVia.NOTE) {
						// nobody waits for an answer: tried again later like an outage
						return park(request, reserved, unreadable);
					}
					this.ledger.release(reserved.id(), messageId);
					this.counters.started(request.provider(), request.via(), "failed");
					throw ex;
				}
			}
		}
		Session invited = this.ledger.invited(reserved.id(), created);
		log.info("Started {} session {} for ticket {}", request.provider().id(), invited.id(), invited.ticketId());
		this.counters.started(request.provider(), request.via(), "started");
		return new Started(invited, Result.CREATED);
	}

	/**
	 * A long wait never holds a consumer or a request: the start is parked and retried by
	 * a job until its invitation would have expired.
	 */
	private Started park(StartRequest request, Session reserved, VendorFailure failure) {
		Instant next = nextAttempt(0, failure);
		this.ledger.park(reserved.id(), next, failure);
		log.info("{} unavailable: start of session {} for ticket {} parked until {}", request.provider().id(),
				reserved.id(), reserved.ticketId(), next);
		this.counters.started(request.provider(), request.via(), "parked");
		return new Started(reserved, Result.PARKED);
	}

	/**
	 * Tries the parked starts that are due again (a scheduled job); each either starts
	 * (with a whole invitation period from now), fails for good (the vendor refused), or
	 * is parked again with a longer wait. A start still parked when its invitation would
	 * have expired is given up by the expiry job, with a note on the ticket.
	 * @return how many started
	 */
	public int retryParked() {
		int started = 0;
		for (ParkedStart parked : this.ledger.claimDueStarts(PARKING_LEASE, PARKED_BATCH)) {
			Session session = parked.session();
			SessionProvider provider = this.providers.get(session.provider());
			if (provider == null || !provider.configured()) {
				continue;
			}
			try {
				Instant expiresAt = this.clock.instant().plus(this.properties.inviteExpiry());
				CreatedSession created = provider.create(new NewSession(session.id(), session.ticketId(),
						session.agentEmail(), session.customer(), null, expiresAt));
				Session invited = this.ledger.invited(session.id(), created, expiresAt);
				if (invited.state() != SessionState.INVITED) {
					// ended meanwhile: the new code must not stay open
					provider.close(invited.invited(created));
					continue;
				}
				this.counters.started(session.provider(), session.startedVia(), "started");
				started++;
			}
			catch (VendorException ex) {
				this.counters.vendorFailed(session.provider(), ex.failure());
				switch (ex.failure()) {
					case VendorFailure.Refused refused -> this.ledger.refused(session.id(), refused);
					case VendorFailure.Unavailable unavailable ->
						this.ledger.park(session.id(), nextAttempt(parked.attempts(), unavailable), unavailable);
					case VendorFailure.Unreadable unreadable ->
						this.ledger.park(session.id(), nextAttempt(parked.attempts(), unreadable), unreadable);
				}
			}
		}
		return started;
	}

	private Instant nextAttempt(int attempts, VendorFailure failure) {
		RemoteSessionProperties.ParkedStarts waits = this.properties.parkedStarts();
		Duration backoff = waits.firstWait().multipliedBy(1L << Math.min(attempts, 5));
		if (backoff.compareTo(waits.maxWait()) > 0) {
			backoff = waits.maxWait();
		}
		if (failure instanceof VendorFailure.Unavailable unavailable && unavailable.retryAfter() != null
				&& unavailable.retryAfter().compareTo(backoff) > 0) {
			backoff = unavailable.retryAfter();
		}
		return this.clock.instant().plus(backoff);
	}

	SessionProvider provider(ProviderName name) {
		SessionProvider provider = this.providers.get(name);
		if (provider == null || !provider.configured()) {
			throw new ProviderNotConfiguredException(name);
		}
		return provider;
	}

	/** A new id for a session started from the API. */
	public static UUID newSessionId() {
		return UUID.randomUUID();
	}

	/**
	 * The result of a start request.
	 *
	 * @param result what this request did
	 */
	public record Started(Session session, Result result) {
	}

	/** What a start request did. */
	public enum Result {

		/** Created at the vendor, invitations sent. */
		CREATED,

		/** Returned the session that was there (the same note, or the live one). */
		FOUND,

		/** The vendor could not take it now: parked, tried again by a job. */
		PARKED,

		/** The vendor refused; the ticket was told. */
		FAILED

	}

}
