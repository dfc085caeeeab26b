package dev.switchboard.remotesession.session.web;

import java.net.URI;
import java.time.Duration;

import dev.switchboard.remotesession.session.InvalidFieldException;
import dev.switchboard.remotesession.session.ProviderNotConfiguredException;
import dev.switchboard.remotesession.session.SessionNotFoundException;
import dev.switchboard.remotesession.session.SessionOverException;
import dev.switchboard.remotesession.session.VendorException;
import dev.switchboard.remotesession.session.VendorFailure;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for {@code /api/sessions}: 400 for a request the model refuses
 * (with a {@code field} property when one field is at fault), 404 for an unknown session,
 * 409 for ending a finished one, 422 for a vendor not configured here, 502 when the
 * vendor refused (saying what it refused) or answered nonsense, 503 with Retry-After when
 * it is unavailable for a call that cannot wait (ending a session; a start is parked
 * instead). Validation errors come from Spring's own problem handling.
 */
@RestControllerAdvice(assignableTypes = SessionController.class)
class SessionProblems {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

	@ExceptionHandler
	ProblemDetail notFound(SessionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Unknown session", ex.getMessage(), "session-not-found");
	}

	@ExceptionHandler
	ProblemDetail over(SessionOverException ex) {
		return problem(HttpStatus.CONFLICT, "Session is over", ex.getMessage(), "session-over");
	}

	@ExceptionHandler
	ProblemDetail notConfigured(ProviderNotConfiguredException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Provider not configured", ex.getMessage(),
				"provider-not-configured");
	}

	@ExceptionHandler
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid " + ex.field(), ex.getMessage(),
				"invalid-request");
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), "invalid-request");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> vendor(VendorException ex) {
		return switch (ex.failure()) {
			case VendorFailure.Refused refused -> {
				ProblemDetail problem = problem(HttpStatus.BAD_GATEWAY,
						refused.provider().displayName() + " refused the request",
						refused.provider().displayName() + " " + refused.detail(), "vendor-refused");
				problem.setProperty("vendorStatus", refused.status());
				yield ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
			}
			case VendorFailure.Unavailable unavailable -> {
				Duration wait = (unavailable.retryAfter() != null) ? unavailable.retryAfter() : DEFAULT_RETRY_AFTER;
				yield ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
					.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()))
					.body(problem(HttpStatus.SERVICE_UNAVAILABLE,
							unavailable.provider().displayName() + " is unavailable",
							unavailable.provider().displayName() + " " + unavailable.detail() + "; try again later",
							"vendor-unavailable"));
			}
			case VendorFailure.Unreadable unreadable -> ResponseEntity.status(HttpStatus.BAD_GATEWAY)
				.body(problem(HttpStatus.BAD_GATEWAY, unreadable.provider().displayName() + " answered unexpectedly",
						unreadable.provider().displayName() + ": " + unreadable.detail(), "vendor-unreadable"));
		};
	}

	/** Without a detail when the exception carries no message (RFC 9457 allows that). */
	private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail, String type) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("urn:switchboard:problem:" + type));
		return problem;
	}

}
