package dev.switchboard.gateway.console.web;

import java.util.List;
import java.util.UUID;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.audit.AuditEntry;
import dev.switchboard.gateway.audit.AuditPage;
import dev.switchboard.gateway.audit.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/audit}: every change made through the admin API or the console, newest
 * first, filtered by key and by the start of an action's name, a page at a time.
 */
@Controller
class ConsoleAuditController {

	private static final int PAGE_SIZE = 50;

	private final Audit audit;

	ConsoleAuditController(Audit audit) {
		this.audit = audit;
	}

	/** An entry as the page shows it. */
	record Row(UUID id, String at, String actor, String role, String channel, String action, @Nullable String target,
			int status, String outcome, String path, @Nullable String correlationId) {

		static Row of(AuditEntry entry) {
			String outcome = entry.refused() ? "refused" : (entry.status() >= 400) ? "failed" : "done";
			return new Row(entry.id(), BodyView.time(entry.at()), entry.actor(), entry.role(), entry.channel(),
					entry.action(), entry.target(), entry.status(), outcome, entry.method() + " " + entry.path(),
					entry.correlationId());
		}

	}

	@GetMapping("/console/audit")
	String list(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action, @RequestParam(defaultValue = "0") int page,
			HttpServletResponse response, Model model) {
		String shownActor = ConsoleText.blankToNull(actor);
		String shownAction = ConsoleText.blankToNull(action);
		model.addAttribute("actor", shownActor);
		model.addAttribute("action", shownAction);
		model.addAttribute("filtered", shownActor != null || shownAction != null);
		try {
			AuditPage found = this.audit.find(new AuditQuery(shownActor, shownAction, Math.max(0, page), PAGE_SIZE));
			model.addAttribute("rows", found.entries().stream().map(Row::of).toList());
			model.addAttribute("total", found.total());
			model.addAttribute("page", found.page());
			model.addAttribute("hasNext", found.hasNext());
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", "The filter was not understood: " + ex.getMessage() + ".");
			model.addAttribute("rows", List.of());
			model.addAttribute("total", 0);
			model.addAttribute("page", 0);
			model.addAttribute("hasNext", false);
		}
		return "console/audit";
	}

}
