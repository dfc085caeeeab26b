package dev.switchboard.sandbox.jira;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

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
 * Jira Cloud's REST API v3 under {@code /jira} as issue-sync calls it, with basic auth
 * (the account's e-mail and API token; 401 otherwise): an issue by id or key (a key it
 * had before a move still finds it) with the {@code fields} asked for, comments written
 * (Atlassian Document bodies) and edited, labels added and removed through
 * {@code update.labels} (204).
 */
@RestController
@RequestMapping("/jira/rest/api/3/issue/{idOrKey}")
class JiraApi {

	private static final ResponseEntity<Object> NOT_FOUND = ResponseEntity.status(HttpStatus.NOT_FOUND)
		.body(Map.of("errorMessages", List.of("Issue does not exist or you do not have permission to see it."),
				"errors", Map.of()));

	private static final ResponseEntity<Object> UNAUTHORIZED = ResponseEntity.status(HttpStatus.UNAUTHORIZED)
		.header("WWW-Authenticate", "Basic realm=\"protected-area\"")
		.body(Map.of("errorMessages", List.of("Client must be authenticated to access this resource."), "errors",
				Map.of()));

	private final JiraSite site;

	private final SandboxProperties properties;

	JiraApi(JiraSite site, SandboxProperties properties) {
		this.site = site;
		this.properties = properties;
	}

	@GetMapping
	ResponseEntity<Object> issue(@PathVariable String idOrKey, @RequestParam(required = false) @Nullable String fields,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!authorized(authorization)) {
			return UNAUTHORIZED;
		}
		Set<String> asked = (fields == null) ? Set.of()
				: Arrays.stream(fields.split(",")).map(String::strip).collect(Collectors.toSet());
		return this.site.issue(idOrKey)
			.map((issue) -> ResponseEntity.ok((Object) JiraJson.issue(issue, siteUrl(), asked)))
			.orElse(NOT_FOUND);
	}

	@PostMapping("/comment")
	ResponseEntity<Object> comment(@PathVariable String idOrKey, @RequestBody JsonNode body,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!authorized(authorization)) {
			return UNAUTHORIZED;
		}
		String text = JiraJson.text(body.path("body"));
		if (text.isEmpty()) {
			return badRequest("Comment body can not be empty!");
		}
		return this.site.comment(idOrKey, text)
			.map((comment) -> ResponseEntity.status(HttpStatus.CREATED).body((Object) JiraJson.comment(comment)))
			.orElse(NOT_FOUND);
	}

	@PutMapping("/comment/{commentId}")
	ResponseEntity<Object> editComment(@PathVariable String idOrKey, @PathVariable long commentId,
			@RequestBody JsonNode body,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!authorized(authorization)) {
			return UNAUTHORIZED;
		}
		String text = JiraJson.text(body.path("body"));
		if (text.isEmpty()) {
			return badRequest("Comment body can not be empty!");
		}
		return this.site.editComment(idOrKey, commentId, text)
			.map((comment) -> ResponseEntity.ok((Object) JiraJson.comment(comment)))
			.orElse(NOT_FOUND);
	}

	/** {@code update.labels}: [{add: label}, {remove: label}]; 204 as Jira answers. */
	@PutMapping
	ResponseEntity<Object> edit(@PathVariable String idOrKey, @RequestBody JsonNode body,
			@RequestHeader(name = "Authorization", required = false) @Nullable String authorization) {
		if (!authorized(authorization)) {
			return UNAUTHORIZED;
		}
		JsonNode labels = body.path("update").path("labels");
		if (!labels.isArray()) {
			return badRequest("Only update.labels can be changed in this sandbox.");
		}
		List<String> add = labels.valueStream()
			.map((op) -> op.path("add").asString(""))
			.filter((l) -> !l.isEmpty())
			.toList();
		List<String> remove = labels.valueStream()
			.map((op) -> op.path("remove").asString(""))
			.filter((l) -> !l.isEmpty())
			.toList();
		return this.site.updateLabels(idOrKey, add, remove) ? ResponseEntity.noContent().build() : NOT_FOUND;
	}

	private boolean authorized(@Nullable String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((this.properties.jiraEmail() + ":" + this.properties.jiraApiToken())
				.getBytes(StandardCharsets.UTF_8));
		return authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				authorization.getBytes(StandardCharsets.UTF_8));
	}

	private String siteUrl() {
		return this.properties.link("/jira");
	}

	private static ResponseEntity<Object> badRequest(String error) {
		return ResponseEntity.badRequest().body(Map.of("errorMessages", List.of(error), "errors", Map.of()));
	}

}
