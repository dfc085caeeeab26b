package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.WebhookClient;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
		WebhookClient client = new WebhookClient(this.port);
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<String> deliveryIds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			deliveryIds.add("group-" + run + "-" + i);
		}
		String twice = deliveryIds.get(9);
		DistributionSummary groups = this.meters.get("switchboard.delivery.log.group.rows").summary();
		long groupsBefore = groups.count();
		double rowsBefore = groups.totalAmount();
		long confirmsBefore = confirms();

		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
				Connection lock = this.dataSource.getConnection()) {
			// inserts wait for this transaction; the duplicate lookups (reads) do not
			lock.setAutoCommit(false);
			try (Statement statement = lock.createStatement()) {
				statement.execute("lock table delivery_log in exclusive mode");
			}
			for (String deliveryId : deliveryIds) {
				answers.add(senders.submit(() -> client.send(ProviderRequests.github(deliveryId, body(deliveryId)))));
			}
			answers.add(senders.submit(() -> client.send(ProviderRequests.github(twice, body(twice)))));
			await().atMost(Duration.ofSeconds(20)).until(() -> confirms() >= confirmsBefore + 11);
			// every webhook is confirmed by the broker; none is answered while its row
			// waits
			await().during(Duration.ofMillis(300)).until(() -> answers.stream().noneMatch(Future::isDone));
			lock.commit();

			for (Future<HttpResponse<String>> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
			}
		}

		List<Map<String, @Nullable Object>> rows = this.jdbc
			.sql("select delivery_id, outcome, attempts from delivery_log where delivery_id like :prefix "
					+ "order by delivery_id")
			.param("prefix", "group-" + run + "-%")
			.query()
			.listOfRows();
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("outcome")).isEqualTo("PUBLISHED"));
		assertThat(rows).filteredOn((row) -> twice.equals(row.get("delivery_id")))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("attempts")).isEqualTo(2));
		assertThat(rows).filteredOn((row) -> !twice.equals(row.get("delivery_id")))
			.allSatisfy((row) -> assertThat(row.get("attempts")).isEqualTo(1));
		assertThat(groups.totalAmount() - rowsBefore).isEqualTo(11);
		assertThat(groups.count() - groupsBefore).as("groups for 11 rows held back together").isLessThanOrEqualTo(3);
	}

	private long confirms() {
		return this.meters.find("switchboard.publish.confirm").timers().stream().mapToLong(Timer::count).sum();
	}

	private static byte[] body(String deliveryId) {
		return ("{\"action\":\"closed\",\"issue\":{\"number\":7,\"title\":\"" + deliveryId + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
