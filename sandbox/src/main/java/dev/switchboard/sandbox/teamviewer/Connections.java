package dev.switchboard.sandbox.teamviewer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.sandbox.webhook.GatewayWebhooks;
import dev.switchboard.sandbox.webhook.SandboxProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A session as it runs: the customer joins with the code (a connection starts) and the
 * supporter ends it; each is pushed to the gateway as the vendor's session event
 * ({@code session.started}, {@code session.ended}) signed with Standard Webhooks, and the
 * connection report says the same for remote-session's polling.
 */
@Component
public class Connections {

	static final String SUPPORTER = "Alice Agent";

	private final RemoteSupport support;

	private final GatewayWebhooks webhooks;

	private final SandboxProperties properties;

	private final JsonMapper json;

	Connections(RemoteSupport support, GatewayWebhooks webhooks, SandboxProperties properties, JsonMapper json) {
		this.support = support;
		this.webhooks = webhooks;
		this.properties = properties;
		this.json = json;
	}

	public Pushed join(String code) {
		String device = "customer-pc-" + code.substring(code.length() - 3);
		RemoteSession session = this.support.connect(code, SUPPORTER, device);
		RemoteSession.Connection connection = Objects.requireNonNull(session.connection());
		Map<String, Object> event = event("session.started", code, connection.startedAt());
		event.put("agent", SUPPORTER);
		event.put("host", device);
		return new Pushed(session, this.webhooks.remoteSession(this.json.writeValueAsBytes(event)));
	}

	public Pushed end(String code) {
		RemoteSession session = this.support.disconnect(code);
		RemoteSession.Connection connection = Objects.requireNonNull(session.connection());
		Map<String, Object> event = event("session.ended", code, Objects.requireNonNull(connection.endedAt()));
		event.put("agent", connection.supporter());
		event.put("host", connection.device());
		event.put("durationSeconds", connection.seconds());
		event.put("endReason", "ended by the supporter");
		event.put("recordingUrl", this.properties.link("/teamviewer/recordings/" + code));
		return new Pushed(session, this.webhooks.remoteSession(this.json.writeValueAsBytes(event)));
	}

	private static Map<String, Object> event(String type, String code, Instant at) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("providerSessionId", code);
		event.put("occurredAt", at.toString());
		return event;
	}

	/** The session as it is now, and the gateway's answer to its event. */
	public record Pushed(RemoteSession session, GatewayWebhooks.Delivery delivery) {
	}

}
