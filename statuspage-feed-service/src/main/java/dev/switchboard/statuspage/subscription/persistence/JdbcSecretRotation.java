package dev.switchboard.statuspage.subscription.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, seals with the current key every Teams or webhook subscription stored in
 * clear (before encryption) or under a previous key, and moves rows whose destination key
 * is still the URL itself to its hash. Each row is rewritten only if nobody changed it
 * meanwhile, so instances starting together do no harm. After every instance ran with a
 * new key, the previous one can leave {@code SWITCHBOARD_ENCRYPTION_PREVIOUSKEYS}.
 */
@Component
class JdbcSecretRotation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(JdbcSecretRotation.class);

	private final JdbcClient jdbc;

	private final AesGcmSecrets secrets;

	private final TransactionTemplate transactions;

	private final Clock clock;

	JdbcSecretRotation(JdbcClient jdbc, AesGcmSecrets secrets, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		int rewritten = 0;
		for (Row row : stale()) {
			Boolean done = this.transactions.execute((status) -> rewrite(row));
			rewritten += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		if (rewritten > 0) {
			log.info("Sealed the channel secrets of {} subscriptions with the current key", rewritten);
		}
	}

	private List<Row> stale() {
		return this.jdbc
			.sql("select id, channel_type, channel_target, channel_secret, destination from subscription "
					+ "where channel_type in ('teams', 'webhook')")
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("channel_type"),
					rs.getString("channel_target"), rs.getString("channel_secret"), rs.getString("destination")))
			.list()
			.stream()
			.filter((row) -> !this.secrets.current(row.target())
					|| (row.secret() != null && !this.secrets.current(row.secret())))
			.toList();
	}

	private boolean rewrite(Row row) {
		String url = this.secrets.open(row.target());
		String secret = (row.secret() != null) ? this.secrets.open(row.secret()) : null;
		Channel channel = "teams".equals(row.type()) ? new Channel.Teams(url)
				: new Channel.Webhook(url, String.valueOf(secret));
		String destination = JdbcSubscriptions.destination(channel);
		this.jdbc.sql("insert into destination (address, next_send_at) values (?, ?) on conflict do nothing")
			.params(destination, Timestamp.from(this.clock.instant()))
			.update();
		boolean changed = this.jdbc.sql("""
				update subscription set channel_target = ?, channel_secret = ?, destination = ?
				where id = ? and channel_target = ? and coalesce(channel_secret, '') = ?
				""")
			.param(this.secrets.seal(url))
			.param((secret != null) ? this.secrets.seal(secret) : null)
			.param(destination)
			.param(row.id())
			.param(row.target())
			.param((row.secret() != null) ? row.secret() : "")
			.update() == 1;
		if (changed && !destination.equals(row.destination())) {
			// the old key named the URL, sig and all
			this.jdbc.sql("""
					delete from destination where address = ?
					and not exists (select 1 from subscription where destination = ?)
					""").params(row.destination(), row.destination()).update();
		}
		return changed;
	}

	private record Row(UUID id, String type, String target, @Nullable String secret, String destination) {

	}

}
