package dev.switchboard.crmbridge.timeline.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.crmbridge.timeline.Timeline;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline?<parameter>=<value>}: what crm-bridge did about a subject
 * ({@link TimelineSubject}), oldest first. Exactly one of the subjects' parameters, given
 * once, at most 2048 characters; a {@code ticketId} is digits (1 to 18), a
 * {@code sessionId} a UUID; otherwise 400 naming the {@code field}. A subject crm-bridge
 * never deals with (an issue, a session, an incident) or nothing found: 200 with
 * {@code []}, never 404 (the gateway merges every service's answer).
 */
@RestController
@RequestMapping("/api/timeline")
class TimelineController {

	private static final URI INVALID = URI.create("urn:switchboard:problem:timeline:invalid-parameter");

	private static final int LONGEST_VALUE = 2048;

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final Timeline timeline;

	TimelineController(Timeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping
	List<TimelineEntry> timeline(@RequestParam MultiValueMap<String, String> parameters) {
		TimelineSubject subject = subject(parameters);
		String value = value(parameters, subject.parameter());
		return switch (subject) {
			case TICKET -> this.timeline.ofTicket(value);
			case CALL -> this.timeline.ofCall(value);
			case ISSUE, SESSION, INCIDENT -> List.of();
		};
	}

	@ExceptionHandler(InvalidParameter.class)
	ProblemDetail invalid(InvalidParameter ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.detail);
		problem.setType(INVALID);
		problem.setTitle("Invalid parameter");
		if (ex.field != null) {
			problem.setProperty("field", ex.field);
		}
		return problem;
	}

	private static TimelineSubject subject(MultiValueMap<String, String> parameters) {
		List<TimelineSubject> given = Arrays.stream(TimelineSubject.values())
			.filter((subject) -> parameters.containsKey(subject.parameter()))
			.toList();
		if (given.size() != 1) {
			throw new InvalidParameter(null, "give exactly one of " + String.join(", ",
					Arrays.stream(TimelineSubject.values()).map(TimelineSubject::parameter).toList()));
		}
		return given.get(0);
	}

	private static String value(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		if (values.size() != 1) {
			throw new InvalidParameter(name, name + " must be given once");
		}
		String value = values.get(0);
		if (value == null || value.isBlank()) {
			throw new InvalidParameter(name, name + " must not be blank");
		}
		if (value.length() > LONGEST_VALUE) {
			throw new InvalidParameter(name, name + " must be at most " + LONGEST_VALUE + " characters");
		}
		if (name.equals(TimelineSubject.TICKET.parameter()) && !TICKET_ID.matcher(value).matches()) {
			throw new InvalidParameter(name, name + " must be a ticket id: 1 to 18 digits");
		}
		if (name.equals(TimelineSubject.SESSION.parameter()) && !UUID.matcher(value).matches()) {
			throw new InvalidParameter(name, name + " must be a session id (a UUID)");
		}
		return value;
	}

	static class InvalidParameter extends RuntimeException {

		private final @Nullable String field;

		/** The message, kept non-null for the problem's detail. */
		private final String detail;

		InvalidParameter(@Nullable String field, String message) {
			super(message, null, false, false);
			this.field = field;
			this.detail = message;
		}

	}

}
