package dev.switchboard.remotesession.session;

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

	private final SessionCounters counters;

	public SessionStarter(SessionLedger ledger, List<SessionProvider> providers, SessionCounters counters) {
		this.ledger = ledger;
		this.providers = providers.stream().collect(Collectors.toMap(SessionProvider::name, Function.identity()));
		this.counters = counters;
	}

	/**
	 * @param messageId the causing message's own id (a note), or {@code null} (API)
	 */
	public Started start(StartRequest request, @Nullable UUID messageId) {
		SessionProvider provider = provider(request.provider());
		SessionLedger.Reservation reservation = this.ledger.reserve(request, messageId);
		Session reserved = reservation.session();
		if (!reservation.reserved()) {
			log.info("Start request for ticket {} returns the existing session {} ({})", request.ticketId(),
					reserved.id(), reserved.state().id());
			this.counters.started(request.provider(), request.via(), "existing");
			return new Started(reserved, false);
		}
		CreatedSession created;
		try {
			created = provider.create(new NewSession(reserved.id(), reserved.ticketId(), reserved.agentEmail(),
					reserved.customer(), request.connection(), reserved.expiresAt()));
		}
		catch (VendorException ex) {
			this.counters.vendorFailed(request.provider(), ex.failure());
			switch (ex.failure()) {
				case VendorFailure.Refused refused -> this.ledger.refused(reserved.id(), refused);
				case VendorFailure.Unavailable unavailable -> this.ledger.release(reserved.id(), messageId);
				case VendorFailure.Unreadable unreadable -> this.ledger.release(reserved.id(), messageId);
			}
			this.counters.started(request.provider(), request.via(), "failed");
			throw ex;
		}
		Session invited = this.ledger.invited(reserved.id(), created);
		log.info("Started {} session {} for ticket {}", request.provider().id(), invited.id(), invited.ticketId());
		this.counters.started(request.provider(), request.via(), "started");
		return new Started(invited, true);
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
	 * @param created whether this request created the session (or returned a live one)
	 */
	public record Started(Session session, boolean created) {
	}

}
