package dev.switchboard.remotesession.timeline.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.remotesession.timeline.TicketActivity;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline?<parameter>=<value>}, one of {@link TimelineSubject}'s
 * parameters: what this service did about a ticket ({@code ticketId}, every session of
 * it) or a session ({@code sessionId}), oldest first. Issues, calls and incidents are
 * nothing it deals with: 200 and an empty array, as for a ticket or session it never saw.
 * 400 for no parameter or more than one, a value over 2048 characters or a blank one, a
 * ticket id that is not 1 to 18 digits, a session id that is not a UUID.
 */
@RestController
@RequestMapping("/api/timeline")
class TimelineController {

	private static final int MAX_VALUE = 2048;

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern SESSION_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final String PARAMETERS = Stream.of(TimelineSubject.values())
		.map(TimelineSubject::parameter)
		.collect(Collectors.joining(", "));

	private final TicketActivity activity;

	TimelineController(TicketActivity activity) {
		this.activity = activity;
	}

	@GetMapping
	List<TimelineEntry> timeline(@RequestParam(required = false) @Nullable String ticketId,
			@RequestParam(required = false) @Nullable String issue,
			@RequestParam(required = false) @Nullable String callSid,
			@RequestParam(required = false) @Nullable String sessionId,
			@RequestParam(required = false) @Nullable String incident) {
		Map<TimelineSubject, String> given = new EnumMap<>(TimelineSubject.class);
		put(given, TimelineSubject.TICKET, ticketId);
		put(given, TimelineSubject.ISSUE, issue);
		put(given, TimelineSubject.CALL, callSid);
		put(given, TimelineSubject.SESSION, sessionId);
		put(given, TimelineSubject.INCIDENT, incident);
		if (given.size() != 1) {
			throw new RefusedQuery(null, "Name exactly one of " + PARAMETERS + ".");
		}
		Map.Entry<TimelineSubject, String> only = given.entrySet().iterator().next();
		TimelineSubject subject = only.getKey();
		String value = only.getValue();
		if (value.length() > MAX_VALUE) {
			throw new RefusedQuery(subject.parameter(), "must be at most " + MAX_VALUE + " characters");
		}
		if (value.isBlank()) {
			throw new RefusedQuery(subject.parameter(), "must not be blank");
		}
		return switch (subject) {
			case TICKET -> this.activity.ofTicket(require(subject, value, TICKET_ID, "1 to 18 digits (0-9)"));
			case SESSION -> this.activity.ofSession(UUID.fromString(require(subject, value, SESSION_ID, "a UUID")));
			// nothing this service deals with
			case ISSUE, CALL, INCIDENT -> List.of();
		};
	}

	private static void put(Map<TimelineSubject, String> given, TimelineSubject subject, @Nullable String value) {
		if (value != null) {
			given.put(subject, value);
		}
	}

	private static String require(TimelineSubject subject, String value, Pattern format, String expected) {
		if (!format.matcher(value).matches()) {
			throw new RefusedQuery(subject.parameter(), "must be " + expected);
		}
		return value;
	}

}
