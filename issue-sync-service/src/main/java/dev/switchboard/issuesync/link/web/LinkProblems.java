package dev.switchboard.issuesync.link.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import dev.switchboard.issuesync.link.InvalidFieldException;
import dev.switchboard.issuesync.tracker.TrackerFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for {@code /api/links}: an invalid field (a ticket id that is
 * no ticket id, an issue URL spelled out of form) is 400 naming it in {@code field}; an
 * issue that cannot be read or a URL that names none is 422 with the reason; unknown link
 * 404; a tracker that is down or rate-limited 503 with {@code Retry-After}.
 */
@RestControllerAdvice(assignableTypes = LinkController.class)
class LinkProblems {

	@ExceptionHandler(UnsupportedIssueUrl.class)
	ProblemDetail unsupported(UnsupportedIssueUrl ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "unsupported-issue-url", "Unsupported issue URL",
				ex.getMessage());
	}

	@ExceptionHandler(UnknownLink.class)
	ProblemDetail unknown(UnknownLink ex) {
		return problem(HttpStatus.NOT_FOUND, "unknown-link", "Unknown link", ex.getMessage());
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Invalid " + ex.field(),
				ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", ex.getMessage());
	}

	@ExceptionHandler(TrackerFailure.class)
	ResponseEntity<ProblemDetail> tracker(TrackerFailure failure) {
		return switch (failure) {
			case TrackerFailure.NotFound notFound -> unprocessable("issue-not-found", "Issue not found", notFound);
			case TrackerFailure.Forbidden forbidden ->
				unprocessable("issue-not-readable", "No permission to read the issue", forbidden);
			case TrackerFailure.Unauthorized unauthorized ->
				unprocessable("tracker-credentials", "The tracker refused Switchboard's credentials", unauthorized);
			case TrackerFailure.Malformed malformed ->
				unprocessable("tracker-answer-unreadable", "The tracker's answer could not be read", malformed);
			case TrackerFailure.RateLimited limited ->
				unavailable(failure, Math.max(1, Duration.between(Instant.now(), limited.retryAt()).toSeconds()));
			case TrackerFailure.Unavailable unavailable -> unavailable(unavailable, 30);
		};
	}

	private static ResponseEntity<ProblemDetail> unprocessable(String type, String title, TrackerFailure failure) {
		return ResponseEntity.unprocessableContent()
			.body(problem(HttpStatus.UNPROCESSABLE_CONTENT, type, title, failure.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> unavailable(TrackerFailure failure, long retryAfterSeconds) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "tracker-unavailable", "The tracker is not answering",
					failure.getMessage()));
	}

	/** Without a detail when the exception carries no message (RFC 9457 allows that). */
	private static ProblemDetail problem(HttpStatus status, String type, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

}
