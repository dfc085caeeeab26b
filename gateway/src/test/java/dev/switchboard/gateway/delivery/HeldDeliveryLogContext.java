package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the delivery-log tests that send a {@link HeldDeliveryLog} burst need from the
 * gateway's context.
 */
abstract class HeldDeliveryLogContext {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	/** A new burst, with its own delivery ids. */
	HeldDeliveryLog burst() {
		return new HeldDeliveryLog(this.port, this.dataSource, this.jdbc, this.meters);
	}

	/** Rows per group commit, since the context started. */
	DistributionSummary groups() {
		return this.meters.get("switchboard.delivery.log.group.rows").summary();
	}

	/** Ten rows, all published, each counted once but the delivery sent twice. */
	static void assertOneRowEachCountedOnceButTheTwice(HeldDeliveryLog burst) {
		List<Map<String, @Nullable Object>> rows = burst.rows();
		assertThat(rows).hasSize(10);
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("outcome")).isEqualTo("PUBLISHED"));
		assertThat(rows).filteredOn((row) -> burst.twice().equals(row.get("delivery_id")))
			.singleElement()
			.satisfies((row) -> assertThat(row.get("attempts")).isEqualTo(2));
		assertThat(rows).filteredOn((row) -> !burst.twice().equals(row.get("delivery_id")))
			.allSatisfy((row) -> assertThat(row.get("attempts")).isEqualTo(1));
	}

}
