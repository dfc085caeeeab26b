package dev.switchboard.sandbox.teams;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Teams Workflows webhooks under {@code /teams/workflows}, as statuspage-feed posts to
 * them: {@code POST …/triggers/manual/paths/invoke?…&sig=…} with a message carrying an
 * Adaptive Card. Errors carry Power Automate's {@code {error: {code, message}}}.
 */
@RestController
class TeamsApi {

	private final TeamsChannels channels;

	TeamsApi(TeamsChannels channels) {
		this.channels = channels;
	}

	@PostMapping("/teams/workflows/{workflowId}/triggers/manual/paths/invoke")
	ResponseEntity<Object> invoke(@PathVariable String workflowId, @RequestParam(defaultValue = "") String sig,
			@RequestBody byte[] body) {
		return switch (this.channels.receive(workflowId, sig, body)) {
			case TeamsOutcome.Accepted accepted -> ResponseEntity.accepted().build();
			case TeamsOutcome.Unauthorized unauthorized ->
				error(HttpStatus.UNAUTHORIZED, "DirectApiAuthorizationRequired",
						"The request must be authenticated only by Shared Access scheme.");
			case TeamsOutcome.NotFound notFound -> error(HttpStatus.NOT_FOUND, "WorkflowNotFound",
					"The workflow '" + workflowId + "' could not be found.");
			case TeamsOutcome.TooLarge tooLarge -> error(HttpStatus.CONTENT_TOO_LARGE, "MessageSizeExceeded",
					"The message of " + tooLarge.bytes() + " bytes exceeds the 28 KB limit.");
			case TeamsOutcome.Malformed malformed ->
				error(HttpStatus.BAD_REQUEST, "InvalidRequestContent", malformed.reason());
			case TeamsOutcome.RateLimited limited -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfter().toSeconds()))
				.body(Map.of("error", Map.of("code", "WorkflowTriggerIsThrottled", "message",
						"The workflow is throttled; retry after the interval in Retry-After.")));
		};
	}

	private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
		return ResponseEntity.status(status).body(Map.of("error", Map.of("code", code, "message", message)));
	}

}
