package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.GatewayIntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * An operator who switches on the PostgreSQL driver's {@code reWriteBatchedInserts} (a
 * common tuning tip) makes a batch of inserts one multi-row statement whose rows' counts
 * the driver no longer tells apart: the delivery log would take a duplicate for a new
 * delivery. The gateway notices on the first group, writes that group again row by row
 * (every webhook still answered 2xx, the duplicate still counted), says so once in its
 * log and writes one row per webhook from then on (group commit off, as configured with
 * {@code gateway.delivery-log.group-commit: off}).
 */
@GatewayIntegrationTest
@TestPropertySource(properties = "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=true")
@ExtendWith(OutputCaptureExtension.class)
class DeliveryLogRewrittenBatchesIntegrationTests extends HeldDeliveryLogContext {

	@Test
	void aDriverThatHidesRowCountsTurnsGroupCommitOffWithoutLosingADuplicate(CapturedOutput output) throws Exception {
		DistributionSummary groups = groups();
		long groupsBefore = groups.count();
		double rowsBefore = groups.totalAmount();

		HeldDeliveryLog first = burst();
		assertThat(first.send()).hasSize(11).containsOnly(202);
		assertOneRowEachCountedOnceButTheTwice(first);
		assertThat(groups.totalAmount() - rowsBefore).as("the rows held back met in a group")
			.isGreaterThan(groups.count() - groupsBefore);
		assertThat(output).containsOnlyOnce("group commit is off until the gateway restarts");

		long groupsAfterFirst = groups.count();
		HeldDeliveryLog second = burst();
		assertThat(second.send()).hasSize(11).containsOnly(202);
		assertOneRowEachCountedOnceButTheTwice(second);
		assertThat(groups.count()).as("no group after the first").isEqualTo(groupsAfterFirst);
		assertThat(output).containsOnlyOnce("group commit is off until the gateway restarts");
	}

}
