package dev.switchboard.gateway.console.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import dev.switchboard.gateway.console.ConsoleSession;
import dev.switchboard.gateway.console.ConsoleSessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code console_session}: one row per signed-in browser, keyed by the SHA-256 of its
 * token, in the database every gateway instance shares (a load balancer may send each
 * page to another instance).
 */
@Repository
class JdbcConsoleSessions implements ConsoleSessions {

	private final JdbcClient jdbc;

	JdbcConsoleSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(String tokenSha256, ConsoleSession session, Instant createdAt) {
		this.jdbc
			.sql("insert into console_session (token_sha256, key_name, key_sha256, csrf_token, created_at, expires_at)"
					+ " values (:token, :keyName, :keySha256, :csrf, :createdAt, :expiresAt)")
			.param("token", tokenSha256)
			.param("keyName", session.keyName())
			.param("keySha256", session.keySha256())
			.param("csrf", session.csrfToken())
			.param("createdAt", Timestamp.from(createdAt))
			.param("expiresAt", Timestamp.from(session.expiresAt()))
			.update();
	}

	@Override
	public Optional<ConsoleSession> find(String tokenSha256, Instant now) {
		return this.jdbc
			.sql("select key_name, key_sha256, csrf_token, expires_at from console_session"
					+ " where token_sha256 = :token and expires_at > :now")
			.param("token", tokenSha256)
			.param("now", Timestamp.from(now))
			.query((rows, number) -> new ConsoleSession(rows.getString("key_name"), rows.getString("key_sha256"),
					rows.getString("csrf_token"), rows.getTimestamp("expires_at").toInstant()))
			.optional();
	}

	@Override
	public void delete(String tokenSha256) {
		this.jdbc.sql("delete from console_session where token_sha256 = :token").param("token", tokenSha256).update();
	}

	@Override
	public int deleteExpired(Instant now) {
		return this.jdbc.sql("delete from console_session where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update();
	}

}
