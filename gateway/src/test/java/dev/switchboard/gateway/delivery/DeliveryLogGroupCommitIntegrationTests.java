package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayIntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import org.junit.jupiter.api.Test;

/**
 * The delivery log's group commit through the webhook endpoint: while the database holds
 * one write back, the rows of the webhooks confirmed meanwhile are written together, each
 * webhook is answered only once its own row is there, and two copies of one delivery in
 * the same group make one row counted twice.
 */
@GatewayIntegrationTest
class DeliveryLogGroupCommitIntegrationTests extends HeldDeliveryLogContext {

	@Test
	void webhooksConfirmedWhileTheLogIsBusyAreWrittenTogetherAndAnsweredOnlyOnceTheirRowsAreThere() throws Exception {
		HeldDeliveryLog burst = burst();
		DistributionSummary groups = groups();
		long groupsBefore = groups.count();
		double rowsBefore = groups.totalAmount();

		assertThat(burst.send()).hasSize(11).containsOnly(202);

		assertOneRowEachCountedOnceButTheTwice(burst);
		assertThat(groups.totalAmount() - rowsBefore).isEqualTo(11);
		assertThat(groups.count() - groupsBefore).as("groups for 11 rows held back together").isLessThanOrEqualTo(3);
	}

}
