package dev.switchboard.issuesync.timeline.web;

import java.net.URI;

import dev.switchboard.issuesync.link.InvalidFieldException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for {@code /api/timeline}: 400 for anything but exactly one
 * subject parameter, and for a value out of form, naming the parameter in {@code field}.
 */
@RestControllerAdvice(assignableTypes = TimelineController.class)
class TimelineProblems {

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException ex) {
		ProblemDetail problem = badRequest("Invalid " + ex.field(), ex.getMessage());
		problem.setProperty("field", ex.field());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return badRequest("Bad request", ex.getMessage());
	}

	private static ProblemDetail badRequest(String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("urn:switchboard:problem:bad-request"));
		problem.setTitle(title);
		return problem;
	}

}
