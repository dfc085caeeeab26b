package dev.switchboard.gateway.adminapi.ratelimit;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import dev.switchboard.gateway.adminapi.ApiKeyProperties;
import dev.switchboard.gateway.adminapi.RateLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets kept in the gateway's database ({@code rate_limit_bucket}, row
 * lock per key), so the limit holds across gateway instances. The bucket refills the
 * whole per-second budget greedily.
 */
@Component
class Bucket4jRateLimiter implements RateLimiter {

	private final ProxyManager<String> buckets;

	private final BucketConfiguration configuration;

	Bucket4jRateLimiter(DataSource dataSource, ApiKeyProperties properties) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.build();
		int perSecond = properties.api().rateLimit();
		this.configuration = BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
			.build();
	}

	@Override
	public Optional<Duration> tryAcquire(String keyName) {
		ConsumptionProbe probe = this.buckets.builder()
			.build("admin-key:" + keyName, () -> this.configuration)
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

}
