package dev.switchboard.remotesession.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The one shape of the consumers: correlation id in the logs, one count, failures
 * rethrown.
 */
class ConsumedMessagesTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ConsumedMessages consumed = new ConsumedMessages(this.meters, "switchboard.test.received",
			(failure) -> (failure instanceof IllegalStateException) ? "refused" : "failed");

	@Test
	void countsWhatTheHandlingDidWithTheCorrelationIdInTheLogsMeanwhile() {
		AtomicReference<String> logged = new AtomicReference<>();

		this.consumed.handle("corr-1", Tags.of("provider", "remote-session"), () -> {
			logged.set(MDC.get("correlationId"));
			return "applied";
		});

		assertThat(logged).hasValue("corr-1");
		assertThat(MDC.get("correlationId")).isNull();
		assertThat(this.meters.counter("switchboard.test.received", "provider", "remote-session", "outcome", "applied")
			.count()).isEqualTo(1);
	}

	@Test
	void countsAFailureAsTheOutcomeItIsNamedAndRethrowsItForTheDeadLetterQueue() {
		assertThatIllegalStateException().isThrownBy(() -> this.consumed.handle("corr-2", Tags.empty(), () -> {
			throw new IllegalStateException("poison");
		}));
		assertThat(this.meters.counter("switchboard.test.received", "outcome", "refused").count()).isEqualTo(1);
		assertThat(this.meters.counter("switchboard.test.received", "outcome", "failed").count()).isZero();
		assertThat(MDC.get("correlationId")).isNull();
	}

}
