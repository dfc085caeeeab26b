package dev.switchboard.statuspage.subscription.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.subscription.Channel;
import dev.switchboard.statuspage.subscription.OpenIncidents;
import dev.switchboard.statuspage.subscription.Source;
import dev.switchboard.statuspage.subscription.Subscription;
import dev.switchboard.statuspage.subscription.SubscriptionState;
import dev.switchboard.statuspage.subscription.Subscriptions;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code subscription}; components one per line; Teams URLs, webhook URLs and secrets
 * sealed ({@link AesGcmSecrets}). Also seeds a new subscription's deliveries from
 * {@code incident}/{@code incident_update}.
 */
@Repository
class JdbcSubscriptions implements Subscriptions, OpenIncidents {

	private final JdbcClient jdbc;

	private final AesGcmSecrets secrets;

	JdbcSubscriptions(JdbcClient jdbc, AesGcmSecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	@Override
	public void add(Subscription subscription, Instant now) {
		String[] channel = switch (subscription.channel()) {
			case Channel.Slack slack -> new String[] { "slack", slack.channelId(), null };
			case Channel.Teams teams -> new String[] { "teams", this.secrets.seal(teams.webhookUrl()), null };
			case Channel.Webhook webhook ->
				new String[] { "webhook", this.secrets.seal(webhook.url()), this.secrets.seal(webhook.secret()) };
		};
		String sourceType = switch (subscription.source()) {
			case Source.Feed feed -> "feed";
			case Source.Statuspage page -> "statuspage";
		};
		// the destination row paces every subscription that posts to the same place
		String destination = destination(subscription.channel());
		this.jdbc.sql("insert into destination (address, next_send_at) values (?, ?) on conflict do nothing")
			.params(destination, Timestamp.from(now))
			.update();
		this.jdbc
			.sql("""
					insert into subscription (id, name, feed_id, source_type, source_url, page_id, channel_type, channel_target,
					    channel_secret, destination, components, component_aliases, state, created_at, updated_at)
					values (:id, :name, :feedId, :sourceType, :sourceUrl, :pageId, :channelType, :target, :secret,
					    :destination, :components, :aliases, :state, :now, :now)
					""")
			.param("id", subscription.id())
			.param("name", subscription.name())
			.param("feedId", subscription.feedId())
			.param("sourceType", sourceType)
			.param("sourceUrl", subscription.source().feedUrl())
			.param("pageId", subscription.source().pageId())
			.param("channelType", channel[0])
			.param("target", channel[1])
			.param("secret", channel[2])
			.param("destination", destination)
			.param("components", String.join("\n", subscription.components()))
			.param("aliases", aliases(subscription.componentAliases()))
			.param("state", state(subscription.state()))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The key of the place a channel posts to: a Slack channel by its id, a Teams or
	 * webhook URL by its SHA-256 (the URL carries a credential, the key is stored in
	 * clear), so every subscription posting there shares one pace.
	 */
	static String destination(Channel channel) {
		return switch (channel) {
			case Channel.Slack slack -> "slack:" + slack.channelId();
			case Channel.Teams teams -> "teams:sha256:" + sha256(teams.webhookUrl());
			case Channel.Webhook webhook -> "webhook:sha256:" + sha256(webhook.url());
		};
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Optional<Subscription> find(UUID id) {
		return this.jdbc.sql("select * from subscription where id = ?").param(id).query(this::subscription).optional();
	}

	@Override
	public List<Subscription> all() {
		return this.jdbc.sql("select * from subscription order by created_at, id").query(this::subscription).list();
	}

	@Override
	public void changeState(UUID id, SubscriptionState state, @Nullable String reason, Instant now) {
		this.jdbc.sql("update subscription set state = ?, failure_reason = ?, updated_at = ? where id = ?")
			.param(state(state))
			.param(reason)
			.param(Timestamp.from(now))
			.param(id)
			.update();
	}

	@Override
	public void changeComponents(UUID id, List<String> components, Instant now) {
		this.jdbc.sql("update subscription set components = ?, updated_at = ? where id = ?")
			.params(String.join("\n", components), Timestamp.from(now), id)
			.update();
	}

	@Override
	public void changeComponentAliases(UUID id, Map<String, List<String>> componentAliases, Instant now) {
		this.jdbc.sql("update subscription set component_aliases = ?, updated_at = ? where id = ?")
			.params(aliases(componentAliases), Timestamp.from(now), id)
			.update();
	}

	/**
	 * One line per alias: the component's name, a tab, the alias (names hold neither tabs
	 * nor line breaks).
	 */
	static String aliases(Map<String, List<String>> componentAliases) {
		StringBuilder text = new StringBuilder();
		componentAliases.forEach((component, aliases) -> aliases
			.forEach((alias) -> text.append(component).append('\t').append(alias).append('\n')));
		return text.toString();
	}

	static Map<String, List<String>> aliases(@Nullable String text) {
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		if (text != null) {
			for (String line : text.split("\n")) {
				int tab = line.indexOf('\t');
				if (tab > 0) {
					aliases.computeIfAbsent(line.substring(0, tab), (name) -> new ArrayList<>())
						.add(line.substring(tab + 1));
				}
			}
		}
		return aliases;
	}

	@Override
	public boolean remove(UUID id) {
		return this.jdbc.sql("delete from subscription where id = ?").param(id).update() == 1;
	}

	@Override
	public long countIn(SubscriptionState state) {
		return this.jdbc.sql("select count(*) from subscription where state = ?")
			.param(state(state))
			.query(Long.class)
			.single();
	}

	@Override
	public DeliveryCounts counts(UUID id) {
		return this.jdbc.sql("""
				select
				    coalesce(sum(case when state = 'pending' then 1 else 0 end), 0) as pending,
				    coalesce(sum(case when state = 'failed' then 1 else 0 end), 0) as failed,
				    coalesce(sum(case when state = 'sent' then 1 else 0 end), 0) as sent,
				    coalesce(sum(case when state = 'unknown' then 1 else 0 end), 0) as unknown_count
				from delivery where subscription_id = ?
				""")
			.param(id)
			.query((rs, row) -> new DeliveryCounts(rs.getLong("pending"), rs.getLong("failed"), rs.getLong("sent"),
					rs.getLong("unknown_count")))
			.single();
	}

	@Override
	public int queueFor(UUID subscriptionId, UUID feedId, Instant now) {
		return this.jdbc.sql("""
				insert into delivery (subscription_id, update_id, state, attempts, next_attempt_at, created_at)
				select :subscription, u.id, 'pending', 0, :now, :now
				from incident_update u
				join incident i on i.feed_id = u.feed_id and i.code = u.incident_code
				where u.feed_id = :feed and u.posted_at = i.latest_at and u.status = i.latest_status
				    and i.latest_status not in ('resolved', 'postmortem', 'completed')
				on conflict do nothing
				""")
			.param("subscription", subscriptionId)
			.param("now", Timestamp.from(now))
			.param("feed", feedId)
			.update();
	}

	@Override
	public List<DeliveryRecord> deliveries(UUID id, @Nullable String state, int limit) {
		return this.jdbc
			.sql("""
					select d.seq, u.incident_code, i.title, u.status, u.posted_at, d.state, d.attempts, d.last_error, d.sent_at
					from delivery d
					join incident_update u on u.id = d.update_id
					join incident i on i.feed_id = u.feed_id and i.code = u.incident_code
					where d.subscription_id = :id and (cast(:state as varchar(16)) is null or d.state = :state)
					order by d.seq limit :limit
					""")
			.param("id", id)
			.param("state", state)
			.param("limit", limit)
			.query((rs, row) -> {
				Timestamp sent = rs.getTimestamp("sent_at");
				return new DeliveryRecord(rs.getLong("seq"), rs.getString("incident_code"), rs.getString("title"),
						rs.getString("status"), rs.getTimestamp("posted_at").toInstant(), rs.getString("state"),
						rs.getInt("attempts"), rs.getString("last_error"), (sent != null) ? sent.toInstant() : null);
			})
			.list();
	}

	@Override
	public int retryFailed(UUID id, Instant now) {
		return this.jdbc.sql("""
				update delivery set state = 'pending', attempts = 0, next_attempt_at = ?, last_error = null
				where subscription_id = ? and state in ('failed', 'unknown')
				""").params(Timestamp.from(now), id).update();
	}

	private Subscription subscription(ResultSet rs, int row) throws SQLException {
		Source source = "statuspage".equals(rs.getString("source_type"))
				? new Source.Statuspage(rs.getString("page_id"), rs.getString("source_url"))
				: new Source.Feed(rs.getString("source_url"));
		String target = rs.getString("channel_target");
		Channel channel = switch (rs.getString("channel_type")) {
			case "slack" -> new Channel.Slack(target);
			case "teams" -> new Channel.Teams(this.secrets.open(target));
			default ->
				new Channel.Webhook(this.secrets.open(target), this.secrets.open(rs.getString("channel_secret")));
		};
		String components = rs.getString("components");
		return new Subscription(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("feed_id", UUID.class), source, channel,
				components.isEmpty() ? List.of() : Arrays.asList(components.split("\n")),
				SubscriptionState.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
				rs.getString("failure_reason"), rs.getTimestamp("created_at").toInstant(),
				aliases(rs.getString("component_aliases")));
	}

	private static String state(SubscriptionState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
