package dev.switchboard.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.gateway.access.Actions;
import dev.switchboard.gateway.access.Role;
import dev.switchboard.gateway.correlation.CorrelationIds;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AuditTests {

	private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

	private final InMemoryAuditLog log = new InMemoryAuditLog();

	private final Audit audit = new Audit(this.log, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void recordsWhoWhatOnWhatWhenAndHowItEndedWithTheRequestsCorrelationId() {
		try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationIds.MDC_KEY, "corr-12345678")) {
			this.audit.record("ops", Role.OPERATOR, Audit.Channel.CONSOLE,
					Actions.classify("POST", "/console/dead-letters/q.dlq/discard"), "q.dlq m-1", "POST",
					"/console/dead-letters/q.dlq/discard", 303);
		}

		AuditEntry entry = this.log.entries.get(0);
		assertThat(entry.actor()).isEqualTo("ops");
		assertThat(entry.role()).isEqualTo("operator");
		assertThat(entry.channel()).isEqualTo("console");
		assertThat(entry.action()).isEqualTo("dead-letter.discard");
		assertThat(entry.target()).as("the handler's target over the path's").isEqualTo("q.dlq m-1");
		assertThat(entry.at()).isEqualTo(NOW);
		assertThat(entry.status()).isEqualTo(303);
		assertThat(entry.refused()).isFalse();
		assertThat(entry.correlationId()).isEqualTo("corr-12345678");
	}

	@Test
	void takesThePathsTargetWhenTheHandlerNamedNoneAndMarksA403Refused() {
		this.audit.record("auditor", Role.VIEWER, Audit.Channel.API,
				Actions.classify("POST", "/api/deliveries/d-1/replay"), null, "POST", "/api/deliveries/d-1/replay",
				403);

		assertThat(this.log.entries.get(0).target()).isEqualTo("d-1");
		assertThat(this.log.entries.get(0).refused()).isTrue();
	}

	@Test
	void leavesTheAnswerAloneWhenTheEntryCannotBeWritten() {
		Audit broken = new Audit(new InMemoryAuditLog() {
			@Override
			public void append(AuditEntry entry) {
				throw new IllegalStateException("database down");
			}
		}, Clock.systemUTC());

		assertThatNoException().isThrownBy(() -> broken.record("ops", Role.OPERATOR, Audit.Channel.API,
				Actions.classify("POST", "/api/replay-jobs"), null, "POST", "/api/replay-jobs", 201));
	}

	static class InMemoryAuditLog implements AuditLog {

		final List<AuditEntry> entries = new ArrayList<>();

		@Override
		public void append(AuditEntry entry) {
			this.entries.add(entry);
		}

		@Override
		public AuditPage find(AuditQuery query) {
			return new AuditPage(List.copyOf(this.entries), this.entries.size(), 0, query.size());
		}

		@Override
		public int purgeOccurredBefore(java.time.Instant instant) {
			int before = this.entries.size();
			this.entries.removeIf((entry) -> entry.at().isBefore(instant));
			return before - this.entries.size();
		}

	}

}
