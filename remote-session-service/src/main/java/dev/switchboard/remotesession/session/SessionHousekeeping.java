package dev.switchboard.remotesession.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * The scheduled work: expire invitations nobody joined and end started sessions whose end
 * never came (then close them at the vendor), and ask the vendors that can be asked about
 * their live sessions. Everything it needs is in the database, so it survives restarts.
 */
@Service
public class SessionHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(SessionHousekeeping.class);

	private static final int BATCH = 50;

	private final Sessions sessions;

	private final SessionTimeline timeline;

	private final Map<ProviderName, SessionProvider> providers;

	private final RemoteSessionProperties properties;

	private final Clock clock;

	public SessionHousekeeping(Sessions sessions, SessionTimeline timeline, List<SessionProvider> providers,
			RemoteSessionProperties properties, Clock clock) {
		this.sessions = sessions;
		this.timeline = timeline;
		this.properties = properties;
		this.providers = providers.stream().collect(Collectors.toMap(SessionProvider::name, Function.identity()));
		this.clock = clock;
	}

	/** Expires due invitations; the vendor codes are closed after the commit. */
	public int expireDue() {
		List<Session> expired = this.timeline.expireDue(this.clock.instant(), BATCH);
		closeAtVendors(expired);
		return expired.size();
	}

	/**
	 * Ends started sessions whose end event never came ({@code max-silence} without any
	 * event); the vendor codes are closed after the commit.
	 */
	public int endSilent() {
		Duration silence = this.properties.maxSilence();
		List<Session> ended = this.timeline.endSilent(this.clock.instant().minus(silence),
				"no end event received within " + silence.toString().substring(2).toLowerCase(Locale.ROOT), BATCH);
		closeAtVendors(ended);
		return ended.size();
	}

	private void closeAtVendors(List<Session> finished) {
		for (Session session : finished) {
			SessionProvider provider = this.providers.get(session.provider());
			if (provider == null || !provider.configured() || session.providerSessionId() == null) {
				continue;
			}
			try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", session.correlationId())) {
				provider.close(session);
			}
			catch (VendorException ex) {
				// the vendor's own validity ends the code too; the session is expired
				// here
				log.warn("Could not close finished session {} at {}: {}", session.id(), session.provider().id(),
						ex.failure().getClass().getSimpleName());
			}
		}
	}

	/**
	 * The agent ends a session: its code is closed at the vendor first (a vendor that no
	 * longer knows it is fine), then the session ends here with one end note.
	 */
	public Session endByAgent(UUID sessionId) {
		Session session = this.sessions.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		if (!session.state().isLive()) {
			throw new SessionOverException(session);
		}
		SessionProvider provider = this.providers.get(session.provider());
		if (provider != null && provider.configured() && session.providerSessionId() != null) {
			try {
				provider.close(session);
			}
			catch (VendorException ex) {
				if (!(ex.failure() instanceof VendorFailure.Refused refused && refused.status() == 404)) {
					throw ex;
				}
			}
		}
		return this.timeline.endByAgent(sessionId);
	}

	/** Asks each configured vendor about its live sessions and applies what it says. */
	public int poll() {
		int applied = 0;
		for (SessionProvider provider : this.providers.values()) {
			if (!provider.configured()) {
				continue;
			}
			for (Session session : this.sessions.liveAt(provider.name(), BATCH)) {
				this.sessions.markPolled(session.id(), this.clock.instant());
				try (MDC.MDCCloseable ignored = MDC.putCloseable("correlationId", session.correlationId())) {
					for (SessionActivity activity : provider.observe(session)) {
						if (this.timeline.apply(activity) == SessionTimeline.Outcome.APPLIED) {
							applied++;
						}
					}
				}
				catch (VendorException ex) {
					log.warn("Could not read session {} at {}: {}", session.id(), provider.name().id(),
							ex.failure().getClass().getSimpleName());
				}
			}
		}
		return applied;
	}

}
