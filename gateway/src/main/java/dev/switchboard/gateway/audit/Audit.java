package dev.switchboard.gateway.audit;

import java.time.Clock;
import java.util.UUID;

import dev.switchboard.gateway.access.Action;
import dev.switchboard.gateway.access.Role;
import dev.switchboard.gateway.correlation.CorrelationIds;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;

/**
 * Records changes as the doors of the admin API and the console see them: after the
 * answer (its status is the outcome), or when they refuse one. A handler may name its
 * target more precisely than the path does ({@link #TARGET_ATTRIBUTE}: a queue and
 * message, the job it started). An entry that cannot be written is logged, and the answer
 * stands: the change is done either way.
 */
@Service
public class Audit {

	/** The request attribute a handler sets to name what it acted on. */
	public static final String TARGET_ATTRIBUTE = "switchboard.auditTarget";

	private static final Logger log = LoggerFactory.getLogger(Audit.class);

	private final AuditLog entries;

	private final Clock clock;

	public Audit(AuditLog entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** Where a change came in. */
	public enum Channel {

		API, CONSOLE

	}

	public void record(String actor, Role role, Channel channel, Action action, @Nullable Object target, String method,
			String path, int status) {
		AuditEntry entry = new AuditEntry(UUID.randomUUID(), this.clock.instant(), actor, role.label(),
				channel.name().toLowerCase(java.util.Locale.ROOT), action.name(),
				(target != null) ? target.toString() : action.target(), method, path, status,
				MDC.get(CorrelationIds.MDC_KEY));
		try {
			this.entries.append(entry);
		}
		catch (RuntimeException ex) {
			log.error("Audit entry not written ({} {} by key '{}' → {}): {}", method, path, actor, status,
					ex.toString());
		}
	}

	public AuditPage find(AuditQuery query) {
		return this.entries.find(query);
	}

}
