package dev.switchboard.statuspage.timeline.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the timeline. */
@RestControllerAdvice(assignableTypes = TimelineEndpoints.class)
class TimelineProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidTimelineQuery ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:switchboard:problem:invalid-timeline-query"));
		problem.setTitle("Invalid timeline query");
		return problem;
	}

}
