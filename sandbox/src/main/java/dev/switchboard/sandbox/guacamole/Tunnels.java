package dev.switchboard.sandbox.guacamole;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A connection's tunnel opened and closed (the WebSocket tunnel of Guacamole's client,
 * here a call), each reported to the gateway as the session events a Guacamole event
 * listener pushes, signed with Standard Webhooks: {@code session.started}, then
 * {@code session.ended} with the duration; {@code providerSessionId} is the connection's
 * name, which is Switchboard's session id.
 */
@Component
public class Tunnels {

	private final GuacamoleServer guacamole;

	private final GatewayWebhooks webhooks;

	private final JsonMapper json;

	private final Clock clock;

	Tunnels(GuacamoleServer guacamole, GatewayWebhooks webhooks, JsonMapper json, Clock clock) {
		this.guacamole = guacamole;
		this.webhooks = webhooks;
		this.json = json;
		this.clock = clock;
	}

	/** Empty when the connection is unknown, connected already or over. */
	public Optional<Pushed> connect(String name) {
		return this.guacamole.connect(name).map((connection) -> {
			Map<String, Object> event = event("session.started", connection);
			return new Pushed(connection, this.webhooks.remoteSession(this.json.writeValueAsBytes(event)));
		});
	}

	/** Empty when the connection is not connected. */
	public Optional<Pushed> disconnect(String name) {
		return this.guacamole.disconnect(name).map((connection) -> {
			Map<String, Object> event = event("session.ended", connection);
			event.put("durationSeconds", connection.seconds());
			event.put("endReason", "disconnected by " + connection.username());
			return new Pushed(connection, this.webhooks.remoteSession(this.json.writeValueAsBytes(event)));
		});
	}

	private Map<String, Object> event(String type, GuacamoleConnection connection) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("providerSessionId", connection.name());
		event.put("occurredAt", this.clock.instant().toString());
		event.put("agent", connection.username());
		event.put("host", connection.hostname());
		return event;
	}

	/** The connection as it is now, and the gateway's answer to its event. */
	public record Pushed(GuacamoleConnection connection, GatewayWebhooks.Delivery delivery) {
	}

}
