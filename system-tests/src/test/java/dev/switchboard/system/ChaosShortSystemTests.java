package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The chaos suite's short run, part of {@code ./switchboard test}: about 500 signed
 * deliveries over two and a half minutes against two instances of every packaged service,
 * with one of each fault (broker connection cut, SaaS 503 / 429 / applied-then-503, and
 * {@code kill -9} of each service's first instance with its restart). Every expected
 * effect must be in the fakes once, in order; the full run is
 * {@code ./switchboard chaos}.
 */
class ChaosShortSystemTests {

	@Test
	void fiveHundredDeliveriesUnderEveryFaultLoseNothingDoubleNothingAndKeepTheirOrder() throws Exception {
		ChaosSuite.Outcome outcome = ChaosSuite.run(Integer.getInteger("chaos.short.deliveries", 500), null, 1, 2,
				Duration.ofMinutes(10));

		assertThat(outcome.faultFailure()).as("every fault injected").isNull();
		assertThat(outcome.lost()).as("effects lost of %d deliveries", outcome.deliveries()).isZero();
		assertThat(outcome.duplicated()).as("effects applied twice").isZero();
		assertThat(outcome.outOfOrder()).as("per-entity order violations").isZero();
	}

}
