package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.switchboard.gateway.GatewayIntegrationTest;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery log's group commit through the webhook endpoint: while the database holds
 * one write back, the rows of the webhooks confirmed meanwhile are written together, each
 * webhook is answered only once its own row is there, and two copies of one delivery in
 * the same group make one row counted twice.
 */
@GatewayIntegrationTest
class DeliveryLogGroupCommitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void webhooksConfirmedWhileTheLogIsBusyAreWrittenTogetherAndAnsweredOnlyOnceTheirRowsAreThere() throws Exception {
		HeldDeliveryLog burst = new HeldDeliveryLog(this.port, this.dataSource, this.jdbc, this.meters);
		DistributionSummary groups = this.meters.get("switchboard.delivery.log.group.rows").summary();
		long groupsBefore = groups.count();
		double rowsBefore = groups.totalAmount();

		assertThat(burst.send()).hasSize(11).containsOnly(202);

		assertOneRowEachCountedOnceButTheTwice(burst);
		assertThat(groups.totalAmount() - rowsBefore).isEqualTo(11);
		assertThat(groups.count() - groupsBefore).as("groups for 11 rows held back together").isLessThanOrEqualTo(3);
	}

	/** Ten rows, all published, each counted once but the delivery sent twice. */
	static ListAssert<Map<String, @Nullable Object>> assertOneRowEachCountedOnceButTheTwice(HeldDeliveryLog burst) {
		List<Map<String, @Nullable Object>> rows = burst.rows();
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("outcome")).isEqualTo("PUBLISHED"));
		assertThat(rows).filteredOn((row) -> burst.twice().equals(row.get("delivery_id")))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("attempts")).isEqualTo(2));
		return assertThat(rows).filteredOn((row) -> !burst.twice().equals(row.get("delivery_id")))
			.allSatisfy((row) -> assertThat(row.get("attempts")).isEqualTo(1));
	}

}
