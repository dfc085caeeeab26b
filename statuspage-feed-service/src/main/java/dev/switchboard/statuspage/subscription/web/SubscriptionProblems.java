package dev.switchboard.statuspage.subscription.web;

import java.net.URI;

import dev.switchboard.statuspage.subscription.InvalidSubscription;
import dev.switchboard.statuspage.subscription.UnknownSubscription;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the subscription API. */
@RestControllerAdvice(assignableTypes = SubscriptionEndpoints.class)
class SubscriptionProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidSubscription ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:switchboard:problem:invalid-subscription"));
		problem.setTitle("Invalid subscription");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownSubscription ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setType(URI.create("urn:switchboard:problem:unknown-subscription"));
		problem.setTitle("Unknown subscription");
		return problem;
	}

}
