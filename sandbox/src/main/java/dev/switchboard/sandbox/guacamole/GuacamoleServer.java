package dev.switchboard.sandbox.guacamole;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The simulated Guacamole's logins and connections: encrypted JSON is verified with the
 * shared {@code json-secret-key} ({@link JsonAuth}), refused when it does not verify or
 * has expired, and otherwise gives a token and its connections, each of which can be
 * connected once and disconnected.
 */
@Component
public class GuacamoleServer {

	private static final Logger log = LoggerFactory.getLogger(GuacamoleServer.class);

	private final Map<String, GuacamoleConnection> connections = new ConcurrentHashMap<>();

	private final Map<String, List<String>> tokens = new ConcurrentHashMap<>();

	private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

	private final SecureRandom random = new SecureRandom();

	private final byte[] key;

	private final JsonMapper json;

	private final Clock clock;

	GuacamoleServer(SandboxProperties properties, JsonMapper json, Clock clock) {
		this.key = HexFormat.of().parseHex(properties.guacamoleSecretKey());
		this.json = json;
		this.clock = clock;
	}

	/** {@code POST /api/tokens} with {@code data}. */
	public LoginOutcome login(String data) {
		Instant now = now();
		AuthData auth;
		try {
			auth = JsonAuth.open(this.key, data, this.json);
		}
		catch (JsonAuth.InvalidLogin ex) {
			return refuse(now, ex.reason());
		}
		if (auth.expires() != null && !now.isBefore(auth.expires())) {
			return refuse(now, "the data expired at " + auth.expires());
		}
		byte[] random = new byte[32];
		this.random.nextBytes(random);
		String token = HexFormat.of().withUpperCase().formatHex(random);
		List<String> names = new ArrayList<>();
		auth.connections().forEach((name, config) -> {
			names.add(name);
			this.connections.computeIfAbsent(name,
					(key) -> new GuacamoleConnection(name, auth.username(), config.protocol(),
							config.parameters().getOrDefault("hostname", ""),
							config.parameters().getOrDefault("port", ""), now, auth.expires(), null, null));
		});
		this.tokens.put(token, List.copyOf(names));
		return new LoginOutcome.Accepted(token, auth.username(), names.stream().map(this.connections::get).toList());
	}

	/**
	 * The login an agent's link ({@code …/guacamole/#/?data=…}) makes when it is opened.
	 */
	public LoginOutcome open(URI link) {
		String fragment = String.valueOf(link.getRawFragment());
		int data = fragment.indexOf("data=");
		if (data < 0) {
			return refuse(now(), "the link carries no data");
		}
		String value = fragment.substring(data + 5).split("&", 2)[0];
		return login(URLDecoder.decode(value, StandardCharsets.UTF_8));
	}

	/** The connections a token may use. */
	public List<GuacamoleConnection> connectionsOf(String token) {
		return this.tokens.getOrDefault(token, List.of()).stream().map(this.connections::get).toList();
	}

	public Optional<GuacamoleConnection> connection(String name) {
		return Optional.ofNullable(this.connections.get(name));
	}

	public List<GuacamoleConnection> connections() {
		return this.connections.values()
			.stream()
			.sorted(Comparator.comparing(GuacamoleConnection::loggedInAt).thenComparing(GuacamoleConnection::name))
			.toList();
	}

	public List<Refusal> refusals() {
		return List.copyOf(this.refusals);
	}

	/** Empty when it is connected already, or over. */
	Optional<GuacamoleConnection> connect(String name) {
		return update(name, (connection) -> connection.state().equals("available"),
				(connection) -> connection.connected(now()));
	}

	/** Empty when it is not connected. */
	Optional<GuacamoleConnection> disconnect(String name) {
		return update(name, GuacamoleConnection::live, (connection) -> connection.disconnected(now()));
	}

	private synchronized Optional<GuacamoleConnection> update(String name, Predicate<GuacamoleConnection> when,
			UnaryOperator<GuacamoleConnection> change) {
		GuacamoleConnection connection = this.connections.get(name);
		if (connection == null || !when.test(connection)) {
			return Optional.empty();
		}
		GuacamoleConnection changed = change.apply(connection);
		this.connections.put(name, changed);
		return Optional.of(changed);
	}

	private LoginOutcome refuse(Instant at, String reason) {
		log.warn("Refused an encrypted JSON login: {}", reason);
		this.refusals.add(new Refusal(at, reason));
		return new LoginOutcome.Refused(reason);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** A refused login, as Guacamole's log tells it. */
	public record Refusal(Instant at, String reason) {
	}

}
