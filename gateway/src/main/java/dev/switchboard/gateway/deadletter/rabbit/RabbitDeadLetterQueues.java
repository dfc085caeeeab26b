package dev.switchboard.gateway.deadletter.rabbit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.ShutdownSignalException;
import dev.switchboard.gateway.deadletter.DeadLetter;
import dev.switchboard.gateway.deadletter.DeadLetterMessage;
import dev.switchboard.gateway.deadletter.DeadLetterProperties;
import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import dev.switchboard.gateway.deadletter.DeadLetterQueueNotFoundException;
import dev.switchboard.gateway.deadletter.DeadLetterQueues;
import dev.switchboard.gateway.deadletter.ReplayReport;
import dev.switchboard.gateway.deadletter.ReplayStoppedException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;
import org.springframework.stereotype.Component;

/**
 * Dead-letter queues over AMQP with the plain RabbitMQ client, on a connection of their
 * own: names from the management API, depths by passive declare, messages by
 * {@code basic.get} without auto-ack (peeked messages are requeued in place). A replay
 * publishes each message to its original queue through the default exchange (republishing
 * to the original exchange would fan out to every bound queue), waits for the confirm,
 * and only then acks it in the dead-letter queue.
 */
@Component
class RabbitDeadLetterQueues implements DeadLetterQueues {

	private static final String SUFFIX = ".dlq";

	/** Which replay moved a message last: a message back with it failed again. */
	private static final String REPLAY_ID = "x-switchboard-replay-id";

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

	private final CachingConnectionFactory connections;

	private final RabbitProperties rabbit;

	private final DeadLetterProperties properties;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ReplayStep step;

	@Autowired
	RabbitDeadLetterQueues(CachingConnectionFactory connections, RabbitProperties rabbit,
			DeadLetterProperties properties, JsonMapper json) {
		this(connections, rabbit, properties, json, (queue, moved) -> {
		});
	}

	/**
	 * The step hook runs after each confirmed publish, before the ack: tests interrupt a
	 * replay there.
	 */
	RabbitDeadLetterQueues(CachingConnectionFactory connections, RabbitProperties rabbit,
			DeadLetterProperties properties, JsonMapper json, ReplayStep step) {
		this.connections = connections;
		this.rabbit = rabbit;
		this.properties = properties;
		this.json = json;
		this.step = step;
	}

	interface ReplayStep {

		void published(String queue, int moved) throws IOException;

	}

	@Override
	public List<DeadLetterQueue> list(int peek) {
		List<DeadLetterQueue> queues = new ArrayList<>();
		for (String name : deadLetterQueueNames()) {
			find(name, peek).ifPresent(queues::add);
		}
		return queues;
	}

	@Override
	public Optional<DeadLetterQueue> find(String queue, int peek) {
		if (!queue.endsWith(SUFFIX)) {
			return Optional.empty();
		}
		try (Connection connection = newConnection()) {
			Optional<Long> depth = depth(connection, queue);
			if (depth.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new DeadLetterQueue(queue, originalQueueOf(queue, null), depth.get(),
					peek(connection, queue, peek)));
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("RabbitMQ is not reachable: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Passive declare on a channel of its own: a missing queue closes the channel it is
	 * asked on.
	 */
	private static Optional<Long> depth(Connection connection, String queue) throws IOException {
		Channel channel = connection.createChannel();
		try {
			long depth = channel.queueDeclarePassive(queue).getMessageCount();
			channel.close();
			return Optional.of(depth);
		}
		catch (IOException | TimeoutException | ShutdownSignalException ex) {
			return Optional.empty();
		}
	}

	private List<DeadLetter> peek(Connection connection, String queue, int peek) throws IOException, TimeoutException {
		try (Channel channel = connection.createChannel()) {
			List<DeadLetter> messages = new ArrayList<>();
			long lastTag = -1;
			for (int i = 0; i < peek; i++) {
				GetResponse response = channel.basicGet(queue, false);
				if (response == null) {
					break;
				}
				lastTag = response.getEnvelope().getDeliveryTag();
				messages.add(toDeadLetter(queue, response));
			}
			if (lastTag >= 0) {
				channel.basicNack(lastTag, true, true);
			}
			return messages;
		}
	}

	@Override
	public ReplayReport replay(String queue, @Nullable Set<String> messageIds) {
		return replay(queue, messageIds, Integer.MAX_VALUE);
	}

	@Override
	public ReplayReport replay(String queue, @Nullable Set<String> messageIds, int limit) {
		if (find(queue, 0).isEmpty()) {
			throw new DeadLetterQueueNotFoundException(queue);
		}
		int moved = 0;
		int left = 0;
		String replayId = UUID.randomUUID().toString();
		try (Connection connection = newConnection(); Channel channel = connection.createChannel()) {
			channel.confirmSelect();
			AtomicBoolean returned = new AtomicBoolean();
			channel.addReturnListener((ret) -> returned.set(true));
			// only the messages that were there when the replay started: one that fails
			// again
			// comes back behind them and is not taken a second time (else a replay of a
			// queue
			// whose messages keep failing would never end)
			long there = Math.min(limit, channel.queueDeclarePassive(queue).getMessageCount());
			List<Long> skipped = new ArrayList<>();
			GetResponse response;
			for (long taken = 0; taken < there && (response = channel.basicGet(queue, false)) != null; taken++) {
				long tag = response.getEnvelope().getDeliveryTag();
				AMQP.BasicProperties props = response.getProps();
				if (messageIds != null && !messageIds.contains(props.getMessageId())) {
					skipped.add(tag);
					continue;
				}
				String target = originalQueueOf(queue, props);
				channel.basicPublish("", target, true, replayed(props, replayId), response.getBody());
				channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
				if (returned.get()) {
					throw new IllegalStateException(
							"the queue " + target + " does not exist: message left in " + queue);
				}
				this.step.published(queue, moved + 1);
				channel.basicAck(tag, false);
				moved++;
			}
			for (long tag : skipped) {
				channel.basicNack(tag, false, true);
				left++;
			}
			return new ReplayReport(queue, moved, left, failedAgain(channel, queue, replayId));
		}
		catch (IOException | TimeoutException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new ReplayStoppedException(queue, moved, ex);
		}
	}

	@Override
	public Optional<DeadLetterMessage> message(String queue, String messageId) {
		return visit(queue, messageId, false);
	}

	@Override
	public boolean discard(String queue, String messageId) {
		return visit(queue, messageId, true).isPresent();
	}

	/**
	 * One look at each message that is in the queue now, until the one with this id:
	 * acked when it is to be discarded, every other one (and a kept one) requeued.
	 */
	private Optional<DeadLetterMessage> visit(String queue, String messageId, boolean discard) {
		if (find(queue, 0).isEmpty()) {
			throw new DeadLetterQueueNotFoundException(queue);
		}
		try (Connection connection = newConnection(); Channel channel = connection.createChannel()) {
			long there = channel.queueDeclarePassive(queue).getMessageCount();
			List<Long> seen = new ArrayList<>();
			DeadLetterMessage found = null;
			GetResponse response;
			for (long looked = 0; looked < there && found == null
					&& (response = channel.basicGet(queue, false)) != null; looked++) {
				long tag = response.getEnvelope().getDeliveryTag();
				if (messageId.equals(response.getProps().getMessageId())) {
					found = new DeadLetterMessage(queue, toDeadLetter(queue, response), response.getBody());
					if (discard) {
						channel.basicAck(tag, false);
						continue;
					}
				}
				seen.add(tag);
			}
			for (long tag : seen) {
				channel.basicNack(tag, false, true);
			}
			return Optional.ofNullable(found);
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("RabbitMQ is not reachable: " + ex.getMessage(), ex);
		}
	}

	/**
	 * How many of the messages this replay moved are back in the dead-letter queue
	 * already (they carry its id): one look at every message there, each left in place.
	 */
	private static int failedAgain(Channel channel, String queue, String replayId) throws IOException {
		long depth = channel.queueDeclarePassive(queue).getMessageCount();
		List<Long> seen = new ArrayList<>();
		int failed = 0;
		GetResponse response;
		for (long looked = 0; looked < depth && (response = channel.basicGet(queue, false)) != null; looked++) {
			seen.add(response.getEnvelope().getDeliveryTag());
			Map<String, Object> headers = response.getProps().getHeaders();
			if (headers != null && replayId.equals(String.valueOf(headers.get(REPLAY_ID)))) {
				failed++;
			}
		}
		for (long tag : seen) {
			channel.basicNack(tag, false, true);
		}
		return failed;
	}

	private Connection newConnection() throws IOException, TimeoutException {
		return this.connections.getRabbitConnectionFactory().newConnection("switchboard-gateway-dead-letters");
	}

	private List<String> deadLetterQueueNames() {
		String vhost = URLEncoder.encode(this.rabbit.getVirtualHost() == null ? "/" : this.rabbit.getVirtualHost(),
				StandardCharsets.UTF_8);
		String credentials = Base64.getEncoder()
			.encodeToString(
					(this.rabbit.getUsername() + ":" + this.rabbit.getPassword()).getBytes(StandardCharsets.UTF_8));
		URI uri = URI.create(this.properties.managementUrl().toString().replaceAll("/$", "") + "/api/queues/" + vhost
				+ "?columns=name");
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Basic " + credentials)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("RabbitMQ's management API answered " + response.statusCode());
			}
			List<String> names = new ArrayList<>();
			for (JsonNode queue : this.json.readTree(response.body())) {
				String name = queue.path("name").asString("");
				if (name.endsWith(SUFFIX)) {
					names.add(name);
				}
			}
			names.sort(String::compareTo);
			return names;
		}
		catch (IOException ex) {
			throw new IllegalStateException("RabbitMQ's management API is not reachable at "
					+ this.properties.managementUrl() + " (enable rabbitmq_management)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The queue a message failed in: the broker's {@code x-death} queue, else the
	 * binder's naming.
	 */
	private static String originalQueueOf(String deadLetterQueue, AMQP.@Nullable BasicProperties props) {
		Map<String, Object> death = firstDeath(props);
		if (death != null && death.get("queue") != null) {
			return death.get("queue").toString();
		}
		return deadLetterQueue.substring(0, deadLetterQueue.length() - SUFFIX.length());
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Map<String, Object> firstDeath(AMQP.@Nullable BasicProperties props) {
		if (props == null || props.getHeaders() == null) {
			return null;
		}
		Object deaths = props.getHeaders().get("x-death");
		return (deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first)
				? (Map<String, Object>) first : null;
	}

	/**
	 * The same message, marked as replayed, without the stack trace the binder attached.
	 */
	private static AMQP.BasicProperties replayed(AMQP.BasicProperties props, String replayId) {
		Map<String, Object> headers = new LinkedHashMap<>((props.getHeaders() != null) ? props.getHeaders() : Map.of());
		headers.remove("x-exception-stacktrace");
		headers.put(REPLAY_ID, replayId);
		Object count = headers.get("x-replayed-from-dead-letters");
		headers.put("x-replayed-from-dead-letters", (count instanceof Number number) ? number.intValue() + 1 : 1);
		return props.builder().headers(headers).build();
	}

	private DeadLetter toDeadLetter(String queue, GetResponse response) {
		AMQP.BasicProperties props = response.getProps();
		Map<String, Object> raw = (props.getHeaders() != null) ? props.getHeaders() : Map.of();
		Map<String, Object> death = firstDeath(props);
		Map<String, String> headers = new LinkedHashMap<>();
		raw.forEach((name, value) -> {
			if (name.startsWith("x-") && !name.equals("x-exception-stacktrace") && !name.equals("x-death")) {
				headers.put(name, String.valueOf(value));
			}
		});
		String exception = (raw.get("x-exception-message") != null) ? raw.get("x-exception-message").toString()
				: (death != null) ? "dead-lettered by the broker: " + death.get("reason") : null;
		Instant at = (death != null && death.get("time") instanceof Date time) ? time.toInstant()
				: (props.getTimestamp() != null) ? props.getTimestamp().toInstant() : null;
		String exchange = (raw.get("x-original-exchange") != null) ? raw.get("x-original-exchange").toString()
				: (death != null && death.get("exchange") != null) ? death.get("exchange").toString() : null;
		String routingKey = (raw.get("x-original-routingKey") != null) ? raw.get("x-original-routingKey").toString()
				: (death != null && death.get("routing-keys") instanceof List<?> keys && !keys.isEmpty())
						? keys.get(0).toString() : null;
		return new DeadLetter(props.getMessageId(), originalQueueOf(queue, props), exchange, routingKey, exception, at,
				response.getBody().length, headers);
	}

}
