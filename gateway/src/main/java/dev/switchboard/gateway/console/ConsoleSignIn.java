package dev.switchboard.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import dev.switchboard.gateway.adminapi.ApiKey;
import dev.switchboard.gateway.adminapi.ApiKeys;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Exchanges an admin key for a console session, once: the browser then holds only an
 * opaque random token (256 bits), the database only its SHA-256. A session ends at its
 * expiry, at sign-out, or when its key is no longer configured.
 */
@Service
public class ConsoleSignIn {

	private static final Logger log = LoggerFactory.getLogger(ConsoleSignIn.class);

	private final ApiKeys keys;

	private final ConsoleSessions sessions;

	private final ConsoleProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public ConsoleSignIn(ApiKeys keys, ConsoleSessions sessions, ConsoleProperties properties, Clock clock) {
		this.keys = keys;
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new session and the token for its cookie. */
	public record SignedIn(String token, ConsoleSession session) {

		@Override
		public String toString() {
			return "SignedIn[" + this.session + "]";
		}

	}

	/**
	 * A session for a configured key whose role opens the console; nothing for any other
	 * (the key is never logged).
	 */
	public Optional<SignedIn> signIn(@Nullable String key) {
		Optional<ApiKey> found = this.keys.keyOf(key);
		if (found.isEmpty() || key == null) {
			log.info("Console sign-in refused: not a configured API key");
			return Optional.empty();
		}
		if (!found.get().role().opensConsole()) {
			log.info("Console sign-in by key '{}' refused: an {} key does not open the console", found.get().name(),
					found.get().role().label());
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		this.sessions.deleteExpired(now);
		String token = randomToken();
		ConsoleSession session = new ConsoleSession(found.get().name(), ApiKeys.sha256(key), randomToken(),
				now.plus(this.properties.sessionTtl()));
		this.sessions.save(ApiKeys.sha256(token), session, now);
		log.info("Console sign-in by key '{}' ({})", found.get().name(), found.get().role().label());
		return Optional.of(new SignedIn(token, session));
	}

	/**
	 * Whether the key is configured but its role does not open the console (an
	 * {@code agent} key: the helpdesk app's).
	 */
	public boolean keptOut(@Nullable String key) {
		return this.keys.keyOf(key).map((found) -> !found.role().opensConsole()).orElse(false);
	}

	/**
	 * Who the live session a cookie's token opens is, with its key's role as configured
	 * now, if any.
	 */
	public Optional<ConsoleUser> userOf(@Nullable String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return this.sessions.find(ApiKeys.sha256(token), this.clock.instant())
			.flatMap((session) -> this.keys.stillConfigured(session.keyName(), session.keySha256())
				.map((key) -> new ConsoleUser(key.name(), key.role(), session.csrfToken())));
	}

	public void signOut(@Nullable String token) {
		if (token != null && !token.isBlank() && token.length() <= 100) {
			this.sessions.delete(ApiKeys.sha256(token));
		}
	}

	/** Whether a form's token is the session's (constant time). */
	public static boolean csrfMatches(ConsoleUser user, @Nullable String offered) {
		return offered != null && MessageDigest.isEqual(user.csrfToken().getBytes(StandardCharsets.US_ASCII),
				offered.getBytes(StandardCharsets.US_ASCII));
	}

	public Duration sessionTtl() {
		return this.properties.sessionTtl();
	}

	private String randomToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
