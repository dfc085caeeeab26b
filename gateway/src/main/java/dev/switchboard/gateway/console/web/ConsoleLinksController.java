package dev.switchboard.gateway.console.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.contracts.ServiceNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Links in the console (issue-sync-service's {@code /api/links}): the links of a ticket,
 * or of an issue with its current state and the tickets it reopens; one link; link a
 * ticket to an issue; remove a link.
 */
@Controller
class ConsoleLinksController {

	private static final String SERVICE = ServiceNames.ISSUE_SYNC;

	private final ServiceApis services;

	ConsoleLinksController(ServiceApis services) {
		this.services = services;
	}

	/** A link as issue-sync's admin API shows it (public: the page calls its methods). */
	public record Link(UUID id, String ticketId, String issueUrl, String tracker, String issueId, String issueKey,
			@Nullable String title, String state, String category, @Nullable Instant createdAt) {

		public String created() {
			return BodyView.time(this.createdAt);
		}

		public boolean reopens() {
			return "completed".equals(this.category);
		}

	}

	@GetMapping("/console/links")
	String list(@RequestParam(required = false) @Nullable String ticketId,
			@RequestParam(required = false) @Nullable String issueUrl,
			@RequestParam(required = false) @Nullable String notice, Model model) {
		String ticket = ConsoleText.blankToNull(ticketId);
		String issue = ConsoleText.blankToNull(issueUrl);
		model.addAttribute("ticketId", ticket);
		model.addAttribute("issueUrl", issue);
		model.addAttribute("notice", "deleted".equals(notice) ? "The link was removed." : null);
		model.addAttribute("links", List.of());
		if (ticket != null && issue != null) {
			model.addAttribute("problem", "Look up by a ticket or by an issue, not both.");
			return "console/links";
		}
		if (ticket == null && issue == null) {
			return "console/links";
		}
		List<Link> links = this.services.get(SERVICE, "/api/links?" + ((ticket != null)
				? ServiceApis.query("ticketId", ticket) : ServiceApis.query("issueUrl", String.valueOf(issue))),
				new TypeReference<List<Link>>() {
				});
		model.addAttribute("links", links);
		model.addAttribute("issue", (issue != null && !links.isEmpty()) ? links.get(0) : null);
		return "console/links";
	}

	@GetMapping("/console/links/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("link", this.services.get(SERVICE, "/api/links/" + uuid.get(), new TypeReference<Link>() {
		}));
		model.addAttribute("notice", "created".equals(notice) ? "Linked. The ticket gets a note saying so." : null);
		return "console/link";
	}

	@PostMapping("/console/links")
	String create(@RequestParam String ticketId, @RequestParam String issueUrl, HttpServletRequest request) {
		Link link = this.services.send(SERVICE, "POST", "/api/links",
				Map.of("ticketId", ticketId.strip(), "issueUrl", issueUrl.strip()), new TypeReference<Link>() {
				});
		return ConsolePaths.seeOther(request, "/console/links/" + link.id() + "?notice=created");
	}

	@PostMapping("/console/links/{id}/delete")
	String delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		this.services.sendWithoutAnswer(SERVICE, "DELETE", "/api/links/" + uuid.get());
		return ConsolePaths.seeOther(request, "/console/links?notice=deleted");
	}

}
