package dev.switchboard.sandbox.guacamole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guacamole's REST API under {@code /guacamole} as its web client calls it with encrypted
 * JSON: {@code POST api/tokens} with {@code data} (403 {@code INVALID_CREDENTIALS} for
 * data that does not decrypt, verify or has expired), the token's connections in the
 * {@code json} data source; and, standing in for the WebSocket tunnel a real client
 * opens, {@code POST}/{@code DELETE sandbox/tunnels/{name}} to connect and disconnect.
 */
@RestController
class GuacamoleApi {

	private static final Map<String, Object> INVALID_LOGIN = Map.of("message", "Invalid login.", "translatableMessage",
			Map.of("key", "LOGIN.ERROR_INVALID_LOGIN"), "expected", List.of(), "type", "INVALID_CREDENTIALS");

	private static final ResponseEntity<Object> PERMISSION_DENIED = ResponseEntity.status(HttpStatus.FORBIDDEN)
		.body(Map.of("message", "Permission Denied.", "translatableMessage",
				Map.of("key", "APP.TEXT_PERMISSION_DENIED"), "type", "PERMISSION_DENIED"));

	private final GuacamoleServer guacamole;

	private final Tunnels tunnels;

	GuacamoleApi(GuacamoleServer guacamole, Tunnels tunnels) {
		this.guacamole = guacamole;
		this.tunnels = tunnels;
	}

	@PostMapping(path = "/guacamole/api/tokens", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Object> tokens(@RequestParam(defaultValue = "") String data) {
		return switch (this.guacamole.login(data)) {
			case LoginOutcome.Accepted accepted -> ResponseEntity.ok(Map.of("authToken", accepted.authToken(),
					"username", accepted.username(), "dataSource", "json", "availableDataSources", List.of("json")));
			case LoginOutcome.Refused refused -> ResponseEntity.status(HttpStatus.FORBIDDEN).body(INVALID_LOGIN);
		};
	}

	@GetMapping("/guacamole/api/session/data/json/connections")
	ResponseEntity<Object> connections(@RequestParam(defaultValue = "") String token) {
		List<GuacamoleConnection> granted = this.guacamole.connectionsOf(token);
		if (granted.isEmpty()) {
			return PERMISSION_DENIED;
		}
		Map<String, Object> connections = new LinkedHashMap<>();
		for (GuacamoleConnection connection : granted) {
			connections.put(connection.name(),
					Map.of("name", connection.name(), "identifier", connection.name(), "parentIdentifier", "ROOT",
							"protocol", connection.protocol(), "activeConnections", connection.live() ? 1 : 0,
							"attributes", Map.of()));
		}
		return ResponseEntity.ok(connections);
	}

	@PostMapping("/guacamole/sandbox/tunnels/{name}")
	ResponseEntity<Object> connect(@PathVariable String name, @RequestParam(defaultValue = "") String token) {
		if (!granted(token, name)) {
			return PERMISSION_DENIED;
		}
		return this.tunnels.connect(name)
			.map((pushed) -> ResponseEntity.ok((Object) Map.of("state", pushed.connection().state())))
			.orElseGet(() -> conflict("the connection is connected already, or over"));
	}

	@DeleteMapping("/guacamole/sandbox/tunnels/{name}")
	ResponseEntity<Object> disconnect(@PathVariable String name, @RequestParam(defaultValue = "") String token) {
		if (!granted(token, name)) {
			return PERMISSION_DENIED;
		}
		return this.tunnels.disconnect(name)
			.map((pushed) -> ResponseEntity.ok((Object) Map.of("state", pushed.connection().state(), "durationSeconds",
					pushed.connection().seconds())))
			.orElseGet(() -> conflict("the connection is not connected"));
	}

	private boolean granted(String token, String name) {
		return this.guacamole.connectionsOf(token).stream().anyMatch((connection) -> connection.name().equals(name));
	}

	private static ResponseEntity<Object> conflict(String message) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", message));
	}

}
