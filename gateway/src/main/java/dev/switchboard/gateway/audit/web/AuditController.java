package dev.switchboard.gateway.audit.web;

import java.net.URI;

import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.audit.AuditPage;
import dev.switchboard.gateway.audit.AuditQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit?actor=&action=&page=&size=}: the audited changes, newest first
 * ({@code actor} a key's name, {@code action} the start of an action's name); a read, so
 * every role may.
 */
@RestController
class AuditController {

	private final Audit audit;

	AuditController(Audit audit) {
		this.audit = audit;
	}

	@GetMapping("/api/audit")
	AuditPage find(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.audit.find(new AuditQuery(actor, action, page, size));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badQuery(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setType(URI.create("urn:switchboard:problem:audit:bad-query"));
		problem.setTitle("Invalid audit query");
		return ResponseEntity.badRequest().body(problem);
	}

}
