package dev.switchboard.issuesync.timeline.web;

import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.issuesync.timeline.Timelines;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline?<parameter>=<value>}, the parameter one of
 * {@link TimelineSubject}'s ({@code ticketId}, {@code issue}, {@code callSid},
 * {@code sessionId}, {@code incident}), given once: what issue-sync did about it, oldest
 * first. Nothing found is an empty list, never 404: the gateway merges the services'
 * answers.
 */
@RestController
class TimelineController {

	private final Timelines timelines;

	TimelineController(Timelines timelines) {
		this.timelines = timelines;
	}

	@GetMapping("/api/timeline")
	List<TimelineEntry> timeline(@RequestParam MultiValueMap<String, String> parameters) {
		TimelineSubject subject = null;
		String value = null;
		for (TimelineSubject candidate : TimelineSubject.values()) {
			List<String> values = parameters.get(candidate.parameter());
			if (values == null) {
				continue;
			}
			if (subject != null || values.size() != 1) {
				throw oneParameter();
			}
			subject = candidate;
			value = values.get(0);
		}
		if (subject == null || value == null) {
			throw oneParameter();
		}
		return this.timelines.of(subject, value);
	}

	private static IllegalArgumentException oneParameter() {
		return new IllegalArgumentException(
				"Give exactly one of ticketId, issue, callSid, sessionId and incident, once.");
	}

}
