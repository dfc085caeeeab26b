package dev.switchboard.gateway.console.web;

import java.util.List;
import java.util.Map;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.gateway.timeline.Timeline;
import dev.switchboard.gateway.timeline.Timelines;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The timeline page: a ticket id, an issue URL, a CallSid, a session id or an incident
 * code, and everything the five services did about it, oldest first, each entry linked to
 * its page in the console.
 */
@Controller
class ConsoleTimelineController {

	/** Where each service's {@link TimelineEntry#ref()} has its page. */
	private static final Map<String, String> PAGES = Map.of(ServiceNames.GATEWAY, "/console/deliveries/",
			ServiceNames.ISSUE_SYNC, "/console/links/", ServiceNames.CRM_BRIDGE, "/console/calls/",
			ServiceNames.REMOTE_SESSION, "/console/sessions/", ServiceNames.STATUSPAGE_FEED, "/console/subscriptions/");

	private final Timelines timelines;

	ConsoleTimelineController(Timelines timelines) {
		this.timelines = timelines;
	}

	/** An entry as the page shows it. */
	record Row(String at, String service, String kind, String summary, String outcome, @Nullable String href) {

		static Row of(TimelineEntry entry) {
			return new Row(BodyView.time(entry.at()), entry.service(), entry.kind(), entry.summary(), entry.outcome(),
					href(entry));
		}

		private static @Nullable String href(TimelineEntry entry) {
			String page = PAGES.get(entry.service());
			if (page == null || entry.ref() == null) {
				return null;
			}
			// a call's entries name their CallSid, other services' their ids; only ids go
			// in the path
			if (entry.service().equals(ServiceNames.CRM_BRIDGE) && !entry.ref().startsWith("CA")) {
				return null;
			}
			return page + UriUtils.encodePathSegment(entry.ref(), java.nio.charset.StandardCharsets.UTF_8);
		}

	}

	@GetMapping("/console/timeline")
	String timeline(@RequestParam(required = false) @Nullable String value, HttpServletResponse response, Model model) {
		String wanted = (value == null || value.isBlank()) ? null : value.strip();
		model.addAttribute("value", wanted);
		model.addAttribute("rows", List.of());
		model.addAttribute("missing", List.of());
		if (wanted == null) {
			return "console/timeline";
		}
		try {
			Timeline timeline = this.timelines.of(wanted);
			model.addAttribute("subject", timeline.subject().name().toLowerCase(java.util.Locale.ROOT));
			model.addAttribute("rows", timeline.entries().stream().map(Row::of).toList());
			model.addAttribute("missing", timeline.missing());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
		}
		return "console/timeline";
	}

}
