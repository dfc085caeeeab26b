package dev.switchboard.statuspage.access;

import java.util.UUID;

import dev.switchboard.statuspage.StatuspageIntegrationTest;
import dev.switchboard.statuspage.subscription.Subscriptions;
import dev.switchboard.testsupport.LocalDefaultsSmokeTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * statuspage-feed-service as ./switchboard run starts it: see
 * {@link LocalDefaultsSmokeTests}; and the subscription queries on the embedded H2 (whose
 * reserved words differ from PostgreSQL's: a count named {@code unknown} answered 500 to
 * {@code POST /api/subscriptions} there).
 */
@TestPropertySource(properties = "switchboard.encryption.key=" + StatuspageIntegrationTest.ENCRYPTION_KEY)
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

	@Autowired
	Subscriptions subscriptions;

	@Test
	void countsASubscriptionsDeliveriesOnEmbeddedH2() {
		Subscriptions.DeliveryCounts counts = this.subscriptions.counts(UUID.randomUUID());

		assertThat(counts).isEqualTo(new Subscriptions.DeliveryCounts(0, 0, 0, 0));
	}

}
