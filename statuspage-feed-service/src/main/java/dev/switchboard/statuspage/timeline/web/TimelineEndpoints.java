package dev.switchboard.statuspage.timeline.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.statuspage.timeline.Timeline;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline?<parameter>=<value>}, the parameter one of
 * {@link TimelineSubject}'s: what this service did about an incident ({@code incident},
 * its code) or a ticket ({@code ticketId}), oldest first. Issues, calls and sessions are
 * none of its business: an empty timeline, as for a subject it never met (never 404: the
 * gateway merges the services' answers).
 */
@RestController
class TimelineEndpoints {

	static final int MAX_VALUE = 2048;

	private static final Pattern TICKET_ID = Pattern.compile("[0-9]{1,18}");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final List<String> PARAMETERS = Arrays.stream(TimelineSubject.values())
		.map(TimelineSubject::parameter)
		.toList();

	private final Timeline timeline;

	TimelineEndpoints(Timeline timeline) {
		this.timeline = timeline;
	}

	@GetMapping("/api/timeline")
	List<TimelineEntry> timeline(@RequestParam MultiValueMap<String, String> parameters) {
		List<Map.Entry<String, List<String>>> asked = parameters.entrySet()
			.stream()
			.filter((parameter) -> PARAMETERS.contains(parameter.getKey()))
			.toList();
		if (asked.size() != 1 || asked.get(0).getValue().size() != 1) {
			throw new InvalidTimelineQuery("Name exactly one of " + String.join(", ", PARAMETERS) + ", once.");
		}
		String parameter = asked.get(0).getKey();
		String value = asked.get(0).getValue().get(0);
		if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
			throw new InvalidTimelineQuery(parameter + " must be 1 to " + MAX_VALUE + " characters.");
		}
		return switch (subject(parameter)) {
			case TICKET -> {
				requireMatch(TICKET_ID, value, "ticketId must be a helpdesk ticket id: 1 to 18 digits.");
				yield this.timeline.ofTicket(value);
			}
			case INCIDENT -> this.timeline.ofIncident(value);
			case SESSION -> {
				requireMatch(UUID, value, "sessionId must be a session id (a UUID).");
				yield List.of();
			}
			case ISSUE, CALL -> List.of();
		};
	}

	private static TimelineSubject subject(String parameter) {
		return Arrays.stream(TimelineSubject.values())
			.filter((subject) -> subject.parameter().equals(parameter))
			.findFirst()
			.orElseThrow();
	}

	private static void requireMatch(Pattern pattern, String value, String problem) {
		if (!pattern.matcher(value).matches()) {
			throw new InvalidTimelineQuery(problem);
		}
	}

}
