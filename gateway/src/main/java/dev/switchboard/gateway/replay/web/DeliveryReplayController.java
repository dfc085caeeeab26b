package dev.switchboard.gateway.replay.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.gateway.replay.DeliveryReplay;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/deliveries/{id}/replay}: publishes one entry of the delivery log
 * again. Under the delivery log's path, with its problem types
 * ({@code urn:switchboard:problem:deliveries:*}), because that is where operators find
 * the entry.
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryReplayController {

	private final DeliveryReplay replay;

	DeliveryReplayController(DeliveryReplay replay) {
		this.replay = replay;
	}

	@PostMapping("/{id}/replay")
	ResponseEntity<?> replay(@PathVariable UUID id, HttpServletRequest request) {
		String actor = "key '" + request.getAttribute("switchboard.apiKeyName") + "'";
		return switch (this.replay.replay(id, actor)) {
			case DeliveryReplay.Result.Replayed replayed ->
				ResponseEntity.accepted().body(Map.of("id", id, "replayed", true));
			case DeliveryReplay.Result.NotFound missing -> ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(problem(HttpStatus.NOT_FOUND, "not-found", "Unknown delivery",
						"No delivery " + id + " in the log."));
			case DeliveryReplay.Result.Unavailable unavailable -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "10")
				.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Replay not confirmed",
						"The broker did not confirm the replay (" + unavailable.reason() + "); try again."));
		};
	}

	private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:deliveries:" + kind));
		problem.setTitle(title);
		return problem;
	}

}
