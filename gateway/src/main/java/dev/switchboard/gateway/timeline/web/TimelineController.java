package dev.switchboard.gateway.timeline.web;

import java.net.URI;

import dev.switchboard.gateway.timeline.Timeline;
import dev.switchboard.gateway.timeline.Timelines;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/timeline?value=4711}: the merged timeline of a ticket id, an issue URL,
 * a CallSid, a session id or an incident code, oldest first, with the services whose part
 * is missing.
 */
@RestController
class TimelineController {

	private final Timelines timelines;

	TimelineController(Timelines timelines) {
		this.timelines = timelines;
	}

	@GetMapping("/api/timeline")
	ResponseEntity<?> timeline(@RequestParam(required = false) @Nullable String value) {
		try {
			Timeline timeline = this.timelines.of((value != null) ? value : "");
			return ResponseEntity.ok(timeline);
		}
		catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setType(URI.create("urn:switchboard:problem:timeline:bad-value"));
			problem.setTitle("Not something a timeline can be shown for");
			return ResponseEntity.badRequest().body(problem);
		}
	}

}
