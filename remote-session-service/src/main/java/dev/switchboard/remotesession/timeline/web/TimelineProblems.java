package dev.switchboard.remotesession.timeline.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for {@code /api/timeline}: 400 for a query it refuses, with a
 * {@code field} property naming the parameter when one is at fault (as
 * {@code /api/sessions} answers).
 */
@RestControllerAdvice(assignableTypes = TimelineController.class)
class TimelineProblems {

	@ExceptionHandler
	ProblemDetail refused(RefusedQuery ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		String parameter = ex.parameter();
		problem.setTitle((parameter != null) ? "Invalid " + parameter : "Invalid timeline query");
		problem.setType(URI.create("urn:switchboard:problem:invalid-request"));
		if (parameter != null) {
			problem.setProperty("field", parameter);
		}
		return problem;
	}

}
