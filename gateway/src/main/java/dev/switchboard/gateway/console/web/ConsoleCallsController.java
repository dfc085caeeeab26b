package dev.switchboard.gateway.console.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * Calls in the console (crm-bridge-service's {@code /api/calls}): a ticket's calls, one
 * call by its CallSid, and click-to-call. Recording and voicemail URLs are shown as text,
 * never as links.
 */
@Controller
class ConsoleCallsController {

	private static final String SERVICE = ServiceNames.CRM_BRIDGE;

	private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

	private final ServiceApis services;

	ConsoleCallsController(ServiceApis services) {
		this.services = services;
	}

	/** A call log as crm-bridge's admin API shows it. */
	public record Call(String callSid, String direction, String status, @Nullable String from, @Nullable String to,
			@Nullable String agent, @Nullable String ticketId, @Nullable Instant startedAt,
			@Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Integer durationSeconds,
			@Nullable Integer waitSeconds, boolean missed, @Nullable String recordingUrl, boolean noted,
			@Nullable String voicemailUrl, @Nullable Integer voicemailSeconds, @Nullable String transcription) {

		public String started() {
			return BodyView.time(this.startedAt);
		}

		public String answered() {
			return BodyView.time(this.answeredAt);
		}

		public String ended() {
			return BodyView.time(this.endedAt);
		}

	}

	@GetMapping("/console/calls")
	String list(@RequestParam(required = false) @Nullable String ticketId,
			@RequestParam(required = false) @Nullable String callSid, HttpServletRequest request, Model model) {
		String ticket = ConsoleText.blankToNull(ticketId);
		String sid = ConsoleText.blankToNull(callSid);
		if (sid != null) {
			if (CALL_SID.matcher(sid).matches()) {
				return ConsolePaths.seeOther(request, "/console/calls/" + sid);
			}
			model.addAttribute("problem", "A CallSid is CA followed by 32 hexadecimal digits.");
		}
		model.addAttribute("ticketId", ticket);
		model.addAttribute("callSid", sid);
		model.addAttribute("calls", (ticket != null && sid == null) ? this.services.get(SERVICE,
				"/api/calls?" + ServiceApis.query("ticketId", ticket), new TypeReference<List<Call>>() {
				}) : List.of());
		return "console/calls";
	}

	@GetMapping("/console/calls/{callSid}")
	String one(@PathVariable String callSid, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		if (!CALL_SID.matcher(callSid).matches()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("call", this.services.get(SERVICE, "/api/calls/" + callSid, new TypeReference<Call>() {
		}));
		model.addAttribute("notice",
				"started".equals(notice) ? "The call was placed: the agent's phone rings first." : null);
		return "console/call";
	}

	@PostMapping("/console/calls")
	String start(@RequestParam String ticketId, @RequestParam String agentPhone,
			@RequestParam(required = false) @Nullable String customerPhone, HttpServletRequest request) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("ticketId", ticketId.strip());
		body.put("agentPhone", agentPhone.strip());
		String customer = ConsoleText.blankToNull(customerPhone);
		if (customer != null) {
			body.put("customerPhone", customer);
		}
		Call call = this.services.send(SERVICE, "POST", "/api/calls", body, new TypeReference<Call>() {
		});
		if (!CALL_SID.matcher(call.callSid()).matches()) {
			throw new ServiceApis.ServiceUnavailable(SERVICE);
		}
		return ConsolePaths.seeOther(request, "/console/calls/" + call.callSid() + "?notice=started");
	}

}
