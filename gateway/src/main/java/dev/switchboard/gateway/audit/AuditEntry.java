package dev.switchboard.gateway.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One audited change.
 *
 * @param actor the key's configured name (never the key)
 * @param role the key's role when it acted ({@code viewer}, {@code agent},
 * {@code operator})
 * @param channel {@code api} or {@code console}
 * @param action what was asked ({@code delivery.replay}, {@code dead-letter.discard}, or
 * the method and path of a change no rule names)
 * @param target what it was asked of (a delivery or job id, a queue and message, a path)
 * @param status the answer's HTTP status (403: refused)
 */
public record AuditEntry(UUID id, Instant at, String actor, String role, String channel, String action,
		@Nullable String target, String method, String path, int status, @Nullable String correlationId) {

	public AuditEntry {
		actor = cut(actor, 200);
		action = cut(action, 300);
		target = (target != null) ? cut(target, 500) : null;
		path = cut(path, 2048);
	}

	/** The role or the form's token was refused: nothing was done. */
	public boolean refused() {
		return this.status == 403;
	}

	private static String cut(String value, int length) {
		return (value.length() <= length) ? value : value.substring(0, length - 1) + "\u2026";
	}

}
