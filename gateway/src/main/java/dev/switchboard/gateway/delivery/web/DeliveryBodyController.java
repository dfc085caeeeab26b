package dev.switchboard.gateway.delivery.web;

import java.util.UUID;

import dev.switchboard.gateway.delivery.DeliveryLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/deliveries/{id}/body}: the raw body of a delivery too large to
 * travel in its message, for the service that owns it. Services call it with the internal
 * token, which the edge's access filter requires on every {@code /internal/**} path; it
 * is not part of the admin API and never routed.
 */
@RestController
class DeliveryBodyController {

	private final DeliveryLog log;

	DeliveryBodyController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping("/internal/deliveries/{id}/body")
	ResponseEntity<?> body(@PathVariable UUID id) {
		return this.log.find(id)
			.<ResponseEntity<?>>map((delivery) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_OCTET_STREAM)
				.body(delivery.body()))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Unknown delivery",
					"No delivery " + id + " in the log (purged after its retention, or never received)."));
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String title, String detail) {
		return ResponseEntity.status(status).body(DeliveryController.problem(status, kind, title, detail));
	}

}
