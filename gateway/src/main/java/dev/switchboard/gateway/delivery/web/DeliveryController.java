package dev.switchboard.gateway.delivery.web;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.delivery.Outcome;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/deliveries}: the delivery log (filter by provider, event, outcome, time
 * range; paged; listed without headers and bodies, which only the entry's own page
 * carries), one entry with its headers and body. Replaying an entry ({@code POST
 * /api/deliveries/{id}/replay}) is the replay feature's.
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

	private final DeliveryLog deliveries;

	DeliveryController(DeliveryLog deliveries) {
		this.deliveries = deliveries;
	}

	record Summary(UUID id, String provider, String eventType, String deliveryId, String correlationId,
			Instant receivedAt, int sizeBytes, String outcome, int attempts, int replays,
			@Nullable Instant lastReplayedAt) {

		static Summary of(DeliverySummary delivery) {
			return new Summary(delivery.id(), delivery.provider(), delivery.eventType(), delivery.deliveryId(),
					delivery.correlationId(), delivery.receivedAt(), delivery.sizeBytes(),
					delivery.outcome().name().toLowerCase(java.util.Locale.ROOT), delivery.attempts(),
					delivery.replays(), delivery.lastReplayedAt());
		}

	}

	record Page(List<Summary> items, int page, int size, long total) {
	}

	/** One entry: the body as text when it is UTF-8, otherwise as base64. */
	record Detail(Summary delivery, Map<String, String> headers, @Nullable String body, @Nullable String bodyBase64) {
	}

	@GetMapping
	Page list(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String event,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		DeliveryPage found = this.deliveries.search(new DeliveryQuery(provider, event,
				(outcome != null) ? Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT)) : null, from, to, page,
				size));
		return new Page(found.items().stream().map(Summary::of).toList(), found.page(), found.size(), found.total());
	}

	@GetMapping("/{id}")
	ResponseEntity<?> one(@PathVariable UUID id) {
		return this.deliveries.find(id)
			.<ResponseEntity<?>>map((delivery) -> ResponseEntity.ok(detail(delivery)))
			.orElseGet(() -> notFound(id));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badQuery(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "bad-query", "Invalid query", ex.getMessage()));
	}

	private static ResponseEntity<ProblemDetail> notFound(UUID id) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "not-found", "Unknown delivery", "No delivery " + id + " in the log."));
	}

	/**
	 * A problem of the delivery log's endpoints
	 * ({@code urn:switchboard:problem:deliveries:*}). Without a detail (an exception that
	 * carries no message) the problem has none, as RFC 9457 allows.
	 */
	static ProblemDetail problem(HttpStatus status, String kind, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:deliveries:" + kind));
		problem.setTitle(title);
		return problem;
	}

	private static Detail detail(LoggedDelivery delivery) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(delivery.body())).toString();
			return new Detail(Summary.of(delivery.summary()), delivery.headers(), text, null);
		}
		catch (CharacterCodingException ex) {
			return new Detail(Summary.of(delivery.summary()), delivery.headers(), null,
					Base64.getEncoder().encodeToString(delivery.body()));
		}
	}

}
