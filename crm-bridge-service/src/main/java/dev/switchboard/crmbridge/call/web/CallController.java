package dev.switchboard.crmbridge.call.web;

import java.time.Instant;
import java.util.List;

import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallLogs;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/calls}: call logs by call or by ticket. */
@RestController
@RequestMapping("/api/calls")
class CallController {

	private final CallLogs logs;

	CallController(CallLogs logs) {
		this.logs = logs;
	}

	@GetMapping("/{callSid}")
	CallView call(@PathVariable String callSid) {
		return this.logs.find(callSid).map(CallView::of).orElseThrow(() -> new UnknownCall(callSid));
	}

	@GetMapping(params = "ticketId")
	List<CallView> byTicket(@RequestParam String ticketId) {
		return this.logs.byTicket(ticketId).stream().map(CallView::of).toList();
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
			@Nullable Integer waitSeconds, boolean missed, @Nullable String recordingUrl, boolean noted) {

		static CallView of(CallLog log) {
			return new CallView(log.callSid(), log.callSid(), log.direction(), log.status(), log.fromNumber(),
					log.toNumber(), log.agentNumber(), log.ticketId(), log.startedAt(), log.answeredAt(), log.endedAt(),
					log.durationSeconds(), log.waitSeconds(), log.ended() && log.missed(), log.recordingUrl(),
					log.endNoteWritten());
		}

	}

	static class UnknownCall extends RuntimeException {

		UnknownCall(String callSid) {
			super("No call log for " + callSid);
		}

	}

}
