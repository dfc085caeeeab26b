package dev.switchboard.sandbox.teamviewer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * TeamViewer's Web API under {@code /teamviewer/api/v1} as remote-session calls it
 * (Bearer token): {@code POST sessions} creates a code with a supporter and an
 * end-customer link, {@code GET sessions/{code}} reads it, {@code PUT sessions/{code}}
 * with {@code state: closed} closes it, {@code GET reports/connections?session_code=}
 * lists the connections made with a code. Errors carry {@code {error,
 * error_description}}.
 */
@RestController
@RequestMapping("/teamviewer/api/v1")
class TeamviewerApi {

	private final RemoteSupport support;

	private final SandboxProperties properties;

	TeamviewerApi(RemoteSupport support, SandboxProperties properties) {
		this.support = support;
		this.properties = properties;
	}

	@PostMapping("/sessions")
	ResponseEntity<Map<String, Object>> create(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody JsonNode body) {
		if (!authorized(authorization)) {
			return unauthorized();
		}
		if (!body.path("groupname").isString() || body.path("groupname").asString().isBlank()) {
			return ResponseEntity.badRequest()
				.body(Map.of("error", "invalid_request", "error_description", "groupname is required"));
		}
		JsonNode customer = body.path("end_customer");
		RemoteSession session = this.support.create(body.path("groupname").asString(),
				body.path("description").asString(""), customer.path("name").asString(null),
				customer.path("email").asString(null));
		return ResponseEntity.ok(sessionJson(session));
	}

	@GetMapping("/sessions/{code}")
	ResponseEntity<Map<String, Object>> session(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String code) {
		if (!authorized(authorization)) {
			return unauthorized();
		}
		return this.support.session(code)
			.map((session) -> ResponseEntity.ok(sessionJson(session)))
			.orElseGet(TeamviewerApi::notFound);
	}

	@PutMapping("/sessions/{code}")
	ResponseEntity<Map<String, Object>> update(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@PathVariable String code, @RequestBody JsonNode body) {
		if (!authorized(authorization)) {
			return unauthorized();
		}
		if (this.support.session(code).isEmpty()) {
			return notFound();
		}
		RemoteSession session = "closed".equals(body.path("state").asString("")) ? this.support.close(code)
				: this.support.session(code).orElseThrow();
		return ResponseEntity.ok(sessionJson(session));
	}

	@GetMapping("/reports/connections")
	ResponseEntity<Map<String, Object>> connections(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestParam(name = "session_code", required = false) @Nullable String code) {
		if (!authorized(authorization)) {
			return unauthorized();
		}
		List<Map<String, Object>> records = this.support.sessions()
			.stream()
			.filter((session) -> session.connection() != null && (code == null || code.equals(session.code())))
			.map(TeamviewerApi::recordJson)
			.toList();
		return ResponseEntity.ok(Map.of("records", records, "records_remaining", 0));
	}

	private boolean authorized(@Nullable String authorization) {
		return authorization != null && MessageDigest.isEqual(
				("Bearer " + this.properties.teamviewerToken()).getBytes(StandardCharsets.UTF_8),
				authorization.getBytes(StandardCharsets.UTF_8));
	}

	private static ResponseEntity<Map<String, Object>> unauthorized() {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(Map.of("error", "invalid_token", "error_description", "The access token is invalid or expired."));
	}

	private static ResponseEntity<Map<String, Object>> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(Map.of("error", "ResourceNotFound", "error_description", "The session code does not exist."));
	}

	private static Map<String, Object> sessionJson(RemoteSession session) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("code", session.code());
		json.put("groupname", session.groupName());
		json.put("description", session.description());
		json.put("supporter_link", session.supporterLink());
		json.put("end_customer_link", session.customerLink());
		json.put("valid_until", session.validUntil().toString());
		json.put("state", session.state());
		json.put("created_at", session.createdAt().toString());
		if (session.closedAt() != null) {
			json.put("closed_at", session.closedAt().toString());
		}
		return json;
	}

	private static Map<String, Object> recordJson(RemoteSession session) {
		RemoteSession.Connection connection = java.util.Objects.requireNonNull(session.connection());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", "c" + session.code());
		json.put("userid", "u" + Math.abs(connection.supporter().hashCode()));
		json.put("username", connection.supporter());
		json.put("deviceid", "d" + session.code());
		json.put("devicename", connection.device());
		json.put("session_code", session.code());
		json.put("start_date", connection.startedAt().toString());
		if (connection.endedAt() != null) {
			json.put("end_date", connection.endedAt().toString());
		}
		return json;
	}

}
