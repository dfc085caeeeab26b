package dev.switchboard.crmbridge.call.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallLogs;
import dev.switchboard.crmbridge.call.CallRefused;
import dev.switchboard.crmbridge.call.ClickToCall;
import dev.switchboard.crmbridge.call.RequesterCalls;
import dev.switchboard.crmbridge.call.TelephonyException;
import dev.switchboard.crmbridge.ticket.HelpdeskException;
import dev.switchboard.crmbridge.ticket.HelpdeskFailure;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/calls}: call logs by call or by ticket; click-to-call. Every parameter is
 * checked where it enters: a ticket id is a helpdesk id ({@link HelpdeskIds}), a call sid
 * is Twilio's ({@code CA} and 32 hex digits), otherwise 400 naming the field; numbers
 * outside the dial policy are 422 saying why.
 */
@RestController
@RequestMapping("/api/calls")
class CallController {

	private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

	private static final URI INVALID = URI.create("urn:switchboard:problem:calls:invalid-parameter");

	private static final URI REFUSED = URI.create("urn:switchboard:problem:calls:refused");

	private final CallLogs logs;

	private final ClickToCall clickToCall;

	private final RequesterCalls requesterCalls;

	CallController(CallLogs logs, ClickToCall clickToCall, RequesterCalls requesterCalls) {
		this.logs = logs;
		this.clickToCall = clickToCall;
		this.requesterCalls = requesterCalls;
	}

	/** Click-to-call: the agent's phone rings first, then the customer is dialled. */
	@PostMapping
	ResponseEntity<CallView> start(@Valid @RequestBody StartCall request) {
		ticketId(request.ticketId());
		CallLog log = this.clickToCall.start(request.ticketId(), request.agentPhone(), request.customerPhone(),
				"click-to-call-" + UUID.randomUUID());
		return ResponseEntity.created(URI.create("/api/calls/" + log.callSid())).body(CallView.of(log));
	}

	@ExceptionHandler(CallRefused.class)
	ProblemDetail refused(CallRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setType(REFUSED);
		problem.setTitle("Call refused");
		problem.setProperty("field", ex.party().field());
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler(InvalidParameter.class)
	ProblemDetail invalidParameter(InvalidParameter ex) {
		return invalid(ex.field, ex.detail);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		List<FieldError> errors = ex.getBindingResult().getFieldErrors();
		if (errors.isEmpty()) {
			return invalid(null, "the request body is not valid");
		}
		FieldError first = errors.get(0);
		return invalid(first.getField(), first.getField() + " " + first.getDefaultMessage());
	}

	private static ProblemDetail invalid(@Nullable String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID);
		problem.setTitle("Invalid parameter");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setTitle("Cannot place the call");
		return problem;
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail notConfigured(IllegalStateException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Phone system not configured");
		return problem;
	}

	@ExceptionHandler(TelephonyException.class)
	ProblemDetail telephony(TelephonyException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(
				ex.refused() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("The phone system did not place the call");
		return problem;
	}

	@ExceptionHandler(HelpdeskException.class)
	ProblemDetail helpdesk(HelpdeskException ex) {
		boolean missing = ex.failure() instanceof HelpdeskFailure.NotFound;
		ProblemDetail problem = ProblemDetail
			.forStatusAndDetail(missing ? HttpStatus.NOT_FOUND : HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle(missing ? "Unknown ticket" : "The helpdesk did not answer");
		return problem;
	}

	/** {@code POST /api/calls} body. */
	record StartCall(@NotBlank String ticketId, @NotBlank String agentPhone, @Nullable String customerPhone) {
	}

	@GetMapping("/{callSid}")
	CallView call(@PathVariable String callSid) {
		if (!CALL_SID.matcher(callSid).matches()) {
			throw new InvalidParameter("callSid", "callSid must be a call sid: CA and 32 hex digits");
		}
		return this.logs.find(callSid).map(CallView::of).orElseThrow(() -> new UnknownCall(callSid));
	}

	@GetMapping(params = "ticketId")
	List<CallView> byTicket(@RequestParam String ticketId) {
		ticketId(ticketId);
		return this.logs.byTicket(ticketId).stream().map(CallView::of).toList();
	}

	/**
	 * The recent calls of the ticket's requester (on this ticket, and from or to their
	 * number), newest first: the helpdesk app's sidebar.
	 */
	@GetMapping(params = "requesterOf")
	List<CallView> ofRequester(@RequestParam String requesterOf) {
		if (!HelpdeskIds.valid(requesterOf)) {
			throw new InvalidParameter("requesterOf", "requesterOf must be a helpdesk ticket id: " + HelpdeskIds.RULE);
		}
		return this.requesterCalls.of(requesterOf).stream().map(CallView::of).toList();
	}

	@ExceptionHandler(UnknownCall.class)
	ProblemDetail unknown(UnknownCall ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Unknown call");
		return problem;
	}

	/** A call log as the API shows it. */
	record CallView(String id, String callSid, String direction, String status, @Nullable String from,
			@Nullable String to, @Nullable String agent, @Nullable String ticketId, Instant startedAt,
			@Nullable Instant answeredAt, @Nullable Instant endedAt, @Nullable Integer durationSeconds,
			@Nullable Integer waitSeconds, boolean missed, @Nullable String recordingUrl, boolean noted,
			@Nullable String voicemailUrl, @Nullable Integer voicemailSeconds, @Nullable String transcription) {

		static CallView of(CallLog log) {
			return new CallView(log.callSid(), log.callSid(), log.direction(), log.status(), log.fromNumber(),
					log.toNumber(), log.agentNumber(), log.ticketId(), log.startedAt(), log.answeredAt(), log.endedAt(),
					log.durationSeconds(), log.waitSeconds(), log.ended() && log.missed(), log.recordingUrl(),
					log.endNoteWritten(), log.voicemail().url(), log.voicemail().seconds(),
					log.voicemail().transcription());
		}

	}

	private static void ticketId(String ticketId) {
		if (!HelpdeskIds.valid(ticketId)) {
			throw new InvalidParameter("ticketId", "ticketId must be a helpdesk ticket id: " + HelpdeskIds.RULE);
		}
	}

	static class InvalidParameter extends RuntimeException {

		private final String field;

		/** The message, kept non-null for the problem's detail. */
		private final String detail;

		InvalidParameter(String field, String message) {
			super(message, null, false, false);
			this.field = field;
			this.detail = message;
		}

	}

	static class UnknownCall extends RuntimeException {

		UnknownCall(String callSid) {
			super("No call log for " + callSid);
		}

	}

}
