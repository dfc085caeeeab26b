package dev.switchboard.gateway.delivery;

import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.WebhookClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A burst of GitHub webhooks sent while another transaction holds {@code delivery_log}
 * locked: the broker confirms them all, their rows wait, and they reach the delivery log
 * together once the lock goes. Ten deliveries, the last of them sent twice.
 */
final class HeldDeliveryLog {

	private final int port;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private final String prefix = "held-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	HeldDeliveryLog(int port, DataSource dataSource, JdbcClient jdbc, MeterRegistry meters) {
		this.port = port;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.meters = meters;
	}

	/** The delivery sent twice. */
	String twice() {
		return this.prefix + 9;
	}

	/**
	 * Sends the eleven webhooks while the log is locked, checks that none is answered
	 * before its row is written although all are confirmed, releases the lock and returns
	 * the answers' status codes.
	 */
	List<Integer> send() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
		WebhookClient client = new WebhookClient(this.port);
		List<String> deliveryIds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			deliveryIds.add(this.prefix + i);
		}
		deliveryIds.add(twice());
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
			await().atMost(Duration.ofSeconds(20)).until(() -> confirms() >= confirmsBefore + deliveryIds.size());
			await().during(Duration.ofMillis(300)).until(() -> answers.stream().noneMatch(Future::isDone));
			lock.commit();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				statuses.add(answer.get(20, TimeUnit.SECONDS).statusCode());
			}
			return statuses;
		}
	}

	/** The burst's rows: delivery id, outcome and attempts, by delivery id. */
	List<Map<String, @Nullable Object>> rows() {
		return this.jdbc
			.sql("select delivery_id, outcome, attempts from delivery_log where delivery_id like :prefix "
					+ "order by delivery_id")
			.param("prefix", this.prefix + "%")
			.query()
			.listOfRows();
	}

	private long confirms() {
		return this.meters.find("switchboard.publish.confirm").timers().stream().mapToLong(Timer::count).sum();
	}

	private static byte[] body(String deliveryId) {
		return ("{\"action\":\"closed\",\"issue\":{\"number\":7,\"title\":\"" + deliveryId + "\"}}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
