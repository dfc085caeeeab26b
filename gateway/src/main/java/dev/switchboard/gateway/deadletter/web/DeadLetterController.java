package dev.switchboard.gateway.deadletter.web;

import java.util.List;
import java.util.Set;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.deadletter.DeadLetterQueue;
import dev.switchboard.gateway.deadletter.DeadLetterQueueNotFoundException;
import dev.switchboard.gateway.deadletter.DeadLetters;
import dev.switchboard.gateway.deadletter.ReplayReport;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dead-letters}: every service's dead-letter queues with their depth and
 * first messages; {@code POST /api/dead-letters/{queue}/replay} with
 * {@code {"messageIds": [...]}} (or no body: all).
 */
@RestController
@RequestMapping("/api/dead-letters")
class DeadLetterController {

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	record ReplayRequest(@Nullable List<String> messageIds) {
	}

	@GetMapping
	List<DeadLetterQueue> list() {
		return this.deadLetters.list();
	}

	@GetMapping("/{queue}")
	ResponseEntity<?> one(@PathVariable String queue) {
		return this.deadLetters.find(queue)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseThrow(() -> new DeadLetterQueueNotFoundException(queue));
	}

	@PostMapping("/{queue}/replay")
	ReplayReport replay(@PathVariable String queue, @RequestBody(required = false) @Nullable ReplayRequest request,
			HttpServletRequest http) {
		Set<String> ids = (request != null && request.messageIds() != null) ? Set.copyOf(request.messageIds()) : null;
		http.setAttribute(Audit.TARGET_ATTRIBUTE, queue + ((ids != null) ? " " + String.join(", ", ids) : " (all)"));
		return this.deadLetters.replay(queue, ids, "key '" + http.getAttribute("switchboard.apiKeyName") + "'");
	}

	record DiscardRequest(String messageId) {
	}

	/** Removes one message for good (the console asks for a confirmation first). */
	@PostMapping("/{queue}/discard")
	ResponseEntity<?> discard(@PathVariable String queue, @RequestBody DiscardRequest request,
			HttpServletRequest http) {
		http.setAttribute(Audit.TARGET_ATTRIBUTE, queue + " " + request.messageId());
		if (this.deadLetters.discard(queue, request.messageId(),
				"key '" + http.getAttribute("switchboard.apiKeyName") + "'")) {
			return ResponseEntity.ok(java.util.Map.of("queue", queue, "discarded", request.messageId()));
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(DeadLetterProblems.problem(HttpStatus.NOT_FOUND, "message-not-found", "Unknown dead letter",
					"No message " + request.messageId() + " in " + queue + "."));
	}

}
