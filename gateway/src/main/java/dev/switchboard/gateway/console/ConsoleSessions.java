package dev.switchboard.gateway.console;

import java.time.Instant;
import java.util.Optional;

/** Where console sessions are kept, by the SHA-256 of their token. */
public interface ConsoleSessions {

	void save(String tokenSha256, ConsoleSession session, Instant createdAt);

	/** The session, unless it expired by {@code now}. */
	Optional<ConsoleSession> find(String tokenSha256, Instant now);

	void delete(String tokenSha256);

	/** Removes sessions expired by {@code now}; how many. */
	int deleteExpired(Instant now);

}
