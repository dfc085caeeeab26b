package dev.switchboard.gateway.console.web;

import java.time.Instant;
import java.util.LinkedHashMap;
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
 * Remote sessions in the console (remote-session-service's {@code /api/sessions}): a
 * ticket's sessions, one session with its history, start one, end one. The agent's and
 * the customer's session links open someone's computer: the pages say whether they were
 * issued and never show them (the admin API returns them to the caller who needs one).
 */
@Controller
class ConsoleSessionsController {

	private static final String SERVICE = ServiceNames.REMOTE_SESSION;

	private final ServiceApis services;

	ConsoleSessionsController(ServiceApis services) {
		this.services = services;
	}

	/** A session as remote-session's admin API shows it. */
	public record Session(UUID id, String ticketId, String provider, @Nullable String providerSessionId, String state,
			@Nullable String agentUrl, @Nullable String customerUrl, @Nullable Instant expiresAt,
			@Nullable String agentEmail, @Nullable Customer customer, @Nullable String startedVia,
			@Nullable Instant createdAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
			@Nullable Long durationSeconds, @Nullable String endReason, @Nullable String host, @Nullable Start start,
			@Nullable List<History> history) {

		public String created() {
			return BodyView.time(this.createdAt);
		}

		public String started() {
			return BodyView.time(this.startedAt);
		}

		public String ended() {
			return BodyView.time(this.endedAt);
		}

		public String expires() {
			return BodyView.time(this.expiresAt);
		}

		public String links() {
			return (this.agentUrl != null || this.customerUrl != null) ? "issued (not shown here)" : "not issued yet";
		}

		public boolean over() {
			return this.state.equals("ended") || this.state.equals("expired") || this.state.equals("failed");
		}

		/**
		 * Drops the session links right after reading, so no page can show them.
		 */
		Session withoutLinks() {
			return new Session(this.id, this.ticketId, this.provider, this.providerSessionId, this.state,
					(this.agentUrl != null) ? "" : null, (this.customerUrl != null) ? "" : null, this.expiresAt,
					this.agentEmail, this.customer, this.startedVia, this.createdAt, this.startedAt, this.endedAt,
					this.durationSeconds, this.endReason, this.host, this.start, this.history);
		}

	}

	public record Customer(@Nullable String name, @Nullable String email) {
	}

	public record Start(String status, @Nullable Instant nextAttemptAt, int failedAttempts,
			@Nullable String lastFailure) {

		public String next() {
			return BodyView.time(this.nextAttemptAt);
		}

	}

	public record History(String kind, String source, @Nullable Instant occurredAt, boolean applied, String stateAfter,
			@Nullable String detail) {

		public String occurred() {
			return BodyView.time(this.occurredAt);
		}

	}

	@GetMapping("/console/sessions")
	String list(@RequestParam(required = false) @Nullable String ticketId, Model model) {
		String ticket = ConsoleText.blankToNull(ticketId);
		model.addAttribute("ticketId", ticket);
		model.addAttribute("sessions", (ticket != null) ? this.services
			.get(SERVICE, "/api/sessions?" + ServiceApis.query("ticketId", ticket), new TypeReference<List<Session>>() {
			})
			.stream()
			.map(Session::withoutLinks)
			.toList() : List.of());
		return "console/sessions";
	}

	@GetMapping("/console/sessions/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			return notFound(response);
		}
		model.addAttribute("remote",
				this.services.get(SERVICE, "/api/sessions/" + uuid.get(), new TypeReference<Session>() {
				}).withoutLinks());
		model.addAttribute("notice", switch (String.valueOf(notice)) {
			case "started" -> "The session was started.";
			case "ended" -> "The session was ended.";
			default -> null;
		});
		return "console/session";
	}

	@PostMapping("/console/sessions")
	String start(@RequestParam String ticketId, @RequestParam String provider, @RequestParam String agentEmail,
			@RequestParam(required = false) @Nullable String customerName,
			@RequestParam(required = false) @Nullable String customerEmail, HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ticketId", ticketId.strip());
		body.put("provider", provider.strip());
		body.put("agentEmail", agentEmail.strip());
		Map<String, String> customer = new LinkedHashMap<>();
		Optional.ofNullable(ConsoleText.blankToNull(customerName)).ifPresent((name) -> customer.put("name", name));
		Optional.ofNullable(ConsoleText.blankToNull(customerEmail)).ifPresent((email) -> customer.put("email", email));
		if (!customer.isEmpty()) {
			body.put("customer", customer);
		}
		Session session = this.services.send(SERVICE, "POST", "/api/sessions", body, new TypeReference<Session>() {
		});
		return ConsolePaths.seeOther(request, "/console/sessions/" + session.id() + "?notice=started");
	}

	@PostMapping("/console/sessions/{id}/end")
	String end(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
		Optional<UUID> uuid = ConsoleText.uuid(id);
		if (uuid.isEmpty()) {
			return notFound(response);
		}
		this.services.send(SERVICE, "POST", "/api/sessions/" + uuid.get() + "/end", null,
				new TypeReference<Map<String, Object>>() {
				});
		return ConsolePaths.seeOther(request, "/console/sessions/" + uuid.get() + "?notice=ended");
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "console/not-found";
	}

}
