package dev.switchboard.gateway.adminapi.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.adminapi.ApiKeyProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances on the real PostgreSQL share a key's bucket; the rate limit of
 * the one started last holds for both, so changing {@code gateway.api.rate-limit} takes
 * effect on a rolling restart instead of keeping the bucket's first configuration.
 */
@GatewayIntegrationTest
class RateLimitChangeIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theRateOfTheInstanceStartedLastHoldsForEveryInstance() throws InterruptedException {
		String key = "rate-change-" + UUID.randomUUID();
		Bucket4jRateLimiter older = limiter(1000);
		assertThat(older.tryAcquire(key)).isEmpty();
		Thread.sleep(5); // a later start, a newer configuration
		Bucket4jRateLimiter newer = limiter(1);

		assertThat(newer.tryAcquire(key)).isEmpty();

		// at 1,000 a second the older instance would still have 998 requests left
		assertThat(older.tryAcquire(key))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
	}

	private Bucket4jRateLimiter limiter(int perSecond) {
		return new Bucket4jRateLimiter(this.dataSource, new ApiKeyProperties(List.of(),
				new ApiKeyProperties.Api(perSecond, DataSize.ofKilobytes(256), Duration.ofSeconds(30))));
	}

}
