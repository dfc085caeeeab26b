package dev.switchboard.gateway.adminapi.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.switchboard.gateway.adminapi.ApiKeyProperties;
import dev.switchboard.gateway.adminapi.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets, one per key, refilling the per-second budget greedily. On
 * PostgreSQL (compose, production) the buckets live in {@code rate_limit_bucket} under a
 * row lock, so the limit holds across gateway instances. Bucket4j has no H2 backend: on
 * the embedded database of a local run (one instance by definition) the buckets are kept
 * in memory.
 */
@Component
class Bucket4jRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimiter.class);

	private final Function<String, Bucket> buckets;

	Bucket4jRateLimiter(DataSource dataSource, ApiKeyProperties properties) {
		int perSecond = properties.api().rateLimit();
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build();
		if (isPostgres(dataSource)) {
			ProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_bucket")
				.build();
			// a stored bucket keeps the configuration it was made with: this instance's,
			// newer than any stored, replaces it (tokens kept), so a changed rate limit
			// takes effect for every instance; an older instance uses the newer one
			long version = System.currentTimeMillis();
			this.buckets = (key) -> shared.builder()
				.withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
				.build(key, () -> configuration);
		}
		else {
			log.info("Admin API rate limit kept in memory: this database is not PostgreSQL (a single local instance)");
			Map<String, Bucket> local = new ConcurrentHashMap<>();
			this.buckets = (key) -> local.computeIfAbsent(key,
					(name) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build());
		}
	}

	@Override
	public Optional<Duration> tryAcquire(String keyName) {
		ConsumptionProbe probe = this.buckets.apply("admin-key:" + keyName).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database the rate limit lives in", ex);
		}
	}

}
