package dev.switchboard.gateway.deadletter.web;

import java.net.URI;

import dev.switchboard.gateway.deadletter.DeadLetterQueueNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem details of the dead-letter API
 * ({@code urn:switchboard:problem:dead-letters:…}): an unknown queue is 404
 * {@code queue-not-found}, a broker that cannot be reached 503 with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = { DeadLetterController.class, DeadLetterJobController.class })
class DeadLetterProblems {

	@ExceptionHandler(DeadLetterQueueNotFoundException.class)
	ResponseEntity<ProblemDetail> unknownQueue(DeadLetterQueueNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "queue-not-found", "Unknown dead-letter queue", ex.getMessage()));
	}

	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> unavailable(IllegalStateException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Dead letters not reachable",
					ex.getMessage()));
	}

	static ProblemDetail problem(HttpStatus status, String kind, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:dead-letters:" + kind));
		problem.setTitle(title);
		return problem;
	}

}
