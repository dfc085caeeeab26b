package dev.switchboard.remotesession.session.guacamole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.remotesession.session.Connection;
import dev.switchboard.remotesession.session.CreatedSession;
import dev.switchboard.remotesession.session.NewSession;
import dev.switchboard.remotesession.session.ProviderName;
import dev.switchboard.remotesession.session.Session;
import dev.switchboard.remotesession.session.SessionActivity;
import dev.switchboard.remotesession.session.SessionProvider;
import dev.switchboard.remotesession.session.StartRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Apache Guacamole through encrypted JSON authentication: the agent's link carries a
 * signed and encrypted payload naming the agent, the expiry and exactly one connection,
 * named after Switchboard's session id (Guacamole has no session ids, so that is the
 * provider session id a listener reports back). Nothing is called at Guacamole: the link
 * is the session. Such connections are ephemeral (no history to read), so start and end
 * come from pushed events, or the session ends at expiry. A caller's connection passes
 * {@link GuacamoleConnectionPolicy}; recording and drive paths come from configuration.
 */
@Component
class GuacamoleSessionProvider implements SessionProvider {

	private final GuacamoleProperties properties;

	private final JsonMapper json;

	GuacamoleSessionProvider(GuacamoleProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	public ProviderName name() {
		return ProviderName.GUACAMOLE;
	}

	@Override
	public boolean configured() {
		return this.properties.configured();
	}

	@Override
	public void check(StartRequest request) {
		if (request.connection() != null) {
			GuacamoleConnectionPolicy.check(request.connection());
		}
	}

	@Override
	public CreatedSession create(NewSession session) {
		Connection connection = session.connection();
		if (connection == null) {
			throw new IllegalArgumentException("a Guacamole session needs a connection");
		}
		// checked before the reservation already; checked again where the link is made
		GuacamoleConnectionPolicy.check(connection);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("hostname", connection.hostname());
		parameters.put("port", Integer.toString(connection.port()));
		new TreeMap<>(connection.parameters()).forEach(parameters::putIfAbsent);
		addConfiguredPaths(session, connection, parameters);
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("protocol", connection.protocol());
		target.put("parameters", parameters);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("username", session.agentEmail());
		payload.put("expires", session.expiresAt().toEpochMilli());
		payload.put("connections", Map.of(session.sessionId().toString(), target));
		String data = GuacamoleJsonAuth.signAndEncrypt(this.properties.key(), this.json.writeValueAsBytes(payload));
		String base = String.valueOf(this.properties.baseUrl()).replaceAll("/+$", "");
		return new CreatedSession(session.sessionId().toString(),
				base + "/#/?data=" + URLEncoder.encode(data, StandardCharsets.UTF_8), null);
	}

	/**
	 * Recording and drive settings from configuration only; they replace anything of the
	 * same name (the policy lets none through).
	 */
	private void addConfiguredPaths(NewSession session, Connection connection, Map<String, String> parameters) {
		if (!this.properties.recordingPath().isEmpty()) {
			parameters.put("recording-path", this.properties.recordingPath());
			parameters.put("recording-name", session.sessionId().toString());
			parameters.put("create-recording-path", "true");
		}
		if (!this.properties.drivePath().isEmpty() && connection.protocol().equals("rdp")) {
			parameters.put("enable-drive", "true");
			parameters.put("drive-path", this.properties.drivePath());
			parameters.put("create-drive-path", "true");
		}
	}

	@Override
	public List<SessionActivity> observe(Session session) {
		return List.of();
	}

	@Override
	public void close(Session session) {
		// nothing to close: the link stops working at its expiry
	}

}
