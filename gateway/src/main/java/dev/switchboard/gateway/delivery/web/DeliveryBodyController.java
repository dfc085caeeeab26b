package dev.switchboard.gateway.delivery.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import dev.switchboard.gateway.delivery.DeliveryLog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/deliveries/{id}/body}: the raw body of a delivery too large to
 * travel in its message, for the service that owns it. Services call it with the internal
 * token; it is not part of the admin API and never routed.
 */
@RestController
class DeliveryBodyController {

	private final DeliveryLog log;

	private final byte[] token;

	DeliveryBodyController(DeliveryLog log, InternalTokenProperties internal) {
		this.log = log;
		this.token = internal.internalToken().getBytes(StandardCharsets.UTF_8);
	}

	@GetMapping("/internal/deliveries/{id}/body")
	ResponseEntity<?> body(@PathVariable UUID id,
			@RequestHeader(name = InternalTokenProperties.HEADER, required = false) @Nullable String presented) {
		if (presented == null || !MessageDigest.isEqual(this.token, presented.getBytes(StandardCharsets.UTF_8))) {
			return problem(HttpStatus.UNAUTHORIZED, "internal-token", "Internal token required",
					"Only Switchboard's services read delivery bodies: send " + InternalTokenProperties.HEADER + ".");
		}
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
