package dev.switchboard.statuspage.posting.slack;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets of one token each, refilled evenly at the budget's rate (no
 * bursts: Slack measures over short windows). On PostgreSQL the buckets live in
 * {@code rate_limit_bucket} under a row lock, so the budget is the workspace's, whatever
 * the number of instances. Bucket4j has no H2 backend: on the embedded database of a
 * local run (one instance by definition) they are kept in memory.
 */
@Component
class Bucket4jSlackBudget implements SlackBudget {

	private static final Logger log = LoggerFactory.getLogger(Bucket4jSlackBudget.class);

	private final Bucket messages;

	private final Bucket edits;

	private final int editsPerMinute;

	Bucket4jSlackBudget(DataSource dataSource, SlackProperties properties) {
		Function<BucketConfiguration, Function<String, Bucket>> store = store(dataSource);
		this.messages = store.apply(evenly(properties.workspaceMessagesPerMinute())).apply("slack:chat.postMessage");
		this.edits = store.apply(evenly(properties.parentEditsPerMinute())).apply("slack:chat.update");
		this.editsPerMinute = properties.parentEditsPerMinute();
	}

	@Override
	public void awaitMessage() throws InterruptedException {
		// one round trip: reserves the next slot (the bucket goes into debt), then sleeps
		// until it
		this.messages.asBlocking().consume(1);
	}

	@Override
	public void returnMessage() {
		this.messages.addTokens(1);
	}

	@Override
	public boolean tryEdit() {
		return this.edits.tryConsume(1);
	}

	@Override
	public void holdEdits(Duration wait) {
		long tokens = Math.max(1, wait.toMillis() * this.editsPerMinute / Duration.ofMinutes(1).toMillis());
		this.edits.consumeIgnoringRateLimits(tokens);
	}

	private static BucketConfiguration evenly(int perMinute) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	private static Function<BucketConfiguration, Function<String, Bucket>> store(DataSource dataSource) {
		if (isPostgres(dataSource)) {
			ProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_bucket")
				.build();
			// a stored bucket keeps the configuration it was made with: this instance's,
			// newer than any stored, replaces it (tokens kept), so a changed budget takes
			// effect for every instance; an older instance uses the newer one
			long version = System.currentTimeMillis();
			return (configuration) -> (key) -> shared.builder()
				.withImplicitConfigurationReplacement(version, TokensInheritanceStrategy.AS_IS)
				.build(key, () -> configuration);
		}
		log.info("Slack workspace budgets kept in memory: this database is not PostgreSQL (a single local instance)");
		return (configuration) -> (key) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot tell which database the Slack budgets live in", ex);
		}
	}

}
