package dev.switchboard.crmbridge.ticket.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import dev.switchboard.crmbridge.ticket.CommandProperties;
import dev.switchboard.crmbridge.ticket.RequestBudget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A Bucket4j bucket holding a minute's requests, refilled evenly. On PostgreSQL it lives
 * in {@code rate_limit_bucket} under a row lock, so every instance spends from the same
 * budget. Bucket4j has no H2 backend: on the embedded database of a local run (one
 * instance by definition) it is kept in memory.
 */
@Component
class Bucket4jRequestBudget implements RequestBudget {

	private static final Logger log = LoggerFactory.getLogger(Bucket4jRequestBudget.class);

	private final Bucket bucket;

	Bucket4jRequestBudget(DataSource dataSource, CommandProperties properties, MeterRegistry meters) {
		int perMinute = properties.requestsPerMinute();
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
		if (isPostgres(dataSource)) {
			// a stored bucket keeps the configuration it was made with: this instance's,
			// newer than any stored, replaces it (tokens kept), so a changed budget takes
			// effect for every instance; an older instance uses the newer one
			this.bucket = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_bucket")
				.build()
				.builder()
				.withImplicitConfigurationReplacement(System.currentTimeMillis(), TokensInheritanceStrategy.AS_IS)
				.build("helpdesk:requests", () -> configuration);
		}
		else {
			log.info("Helpdesk request budget kept in memory: this database is not PostgreSQL (a single local "
					+ "instance)");
			this.bucket = Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
		}
		Gauge.builder("switchboard.helpdesk.budget.available", this.bucket, Bucket::getAvailableTokens)
			.description("Requests the helpdesk account's budget allows now (negative: spent ahead by requests "
					+ "that could not wait)")
			.register(meters);
	}

	@Override
	public Optional<Duration> exhaustedFor() {
		EstimationProbe probe = this.bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	@Override
	public void spend() {
		this.bucket.consumeIgnoringRateLimits(1);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database the request budget lives in", ex);
		}
	}

}
