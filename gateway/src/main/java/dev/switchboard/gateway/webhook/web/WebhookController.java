package dev.switchboard.gateway.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.correlation.CorrelationIds;
import dev.switchboard.gateway.webhook.BodyBudget;
import dev.switchboard.gateway.webhook.GatewayProperties;
import dev.switchboard.gateway.webhook.IngressOutcome;
import dev.switchboard.gateway.webhook.WebhookIngress;
import dev.switchboard.gateway.webhook.WebhookRequest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{provider}}: refuses what it can before reading the body (an
 * unknown provider, a declared length over the provider's limit, a missing or malformed
 * signature header, a stale timestamp, a wrong Statuspage token), reads the raw body in
 * bounded chunks within the provider's limit and the shared {@link BodyBudget} (503 with
 * {@code Retry-After} over it), lets the ingress verify and publish it, and answers 202
 * only once the broker confirmed it. Every error is a problem detail; neither the body
 * nor a signature is ever logged.
 */
@RestController
class WebhookController {

	private final WebhookIngress ingress;

	private final MeterRegistry meters;

	private static final Logger logger = LoggerFactory.getLogger(WebhookController.class);

	private static final byte[] NO_BODY = new byte[0];

	private final Duration retryAfter;

	private final BodyBudget budget;

	private final AtomicLong lastOverBudgetLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);

	WebhookController(WebhookIngress ingress, MeterRegistry meters, GatewayProperties properties, BodyBudget budget) {
		this.ingress = ingress;
		this.meters = meters;
		this.retryAfter = properties.publish().retryAfter();
		this.budget = budget;
		Gauge.builder("switchboard.webhooks.body.budget.available", budget, BodyBudget::available)
			.description("Bytes webhook bodies in flight may still take")
			.baseUnit("bytes")
			.register(meters);
	}

	@PostMapping("/webhooks/{provider}")
	ResponseEntity<?> receive(@PathVariable String provider, HttpServletRequest request) throws IOException {
		if (provider.equals(Provider.STATUSPAGE.id())) {
			// Statuspage authenticates by the token in its path: without one, nothing can
			// verify it
			return problem(provider, "invalid-signature", HttpStatus.UNAUTHORIZED, "Invalid webhook signature",
					"Statuspage webhooks are sent to /webhooks/statuspage/{token}.");
		}
		return receive(provider, null, request);
	}

	@PostMapping("/webhooks/statuspage/{token}")
	ResponseEntity<?> receiveStatuspage(@PathVariable String token, HttpServletRequest request) throws IOException {
		return receive(Provider.STATUSPAGE.id(), token, request);
	}

	private ResponseEntity<?> receive(String provider, @Nullable String pathToken, HttpServletRequest request)
			throws IOException {
		request.setAttribute("provider", provider);
		OptionalLong limit = this.ingress.maxBodyBytes(provider);
		if (limit.isEmpty()) {
			return unknownProvider(provider);
		}
		if (request.getContentLengthLong() > limit.getAsLong()) {
			return tooLarge(provider, limit.getAsLong());
		}
		Map<String, String> headers = headersOf(request);
		String pathAndQuery = pathAndQuery(request);
		Optional<IngressOutcome> refused = this.ingress.screen(provider,
				new WebhookRequest(headers, NO_BODY, pathAndQuery, pathToken));
		if (refused.isPresent()) {
			return answer(provider, refused.get());
		}
		try (BodyBudget.Lease lease = this.budget.lease(); InputStream in = request.getInputStream()) {
			return switch (BodyReader.read(in, request.getContentLengthLong(), limit.getAsLong(), lease)) {
				case BodyReader.Read.TooLarge tooLarge -> tooLarge(provider, limit.getAsLong());
				case BodyReader.Read.OverBudget overBudget -> overBudget(provider, request.getContentLengthLong());
				case BodyReader.Read.Body body -> {
					String correlationId = MDC.get(CorrelationIds.MDC_KEY);
					yield answer(provider,
							this.ingress.receive(provider,
									new WebhookRequest(headers, body.bytes(), pathAndQuery, pathToken),
									(correlationId != null) ? correlationId : CorrelationIds.acceptOrCreate(null)));
				}
			};
		}
	}

	private ResponseEntity<?> answer(String provider, IngressOutcome outcome) {
		return switch (outcome) {
			case IngressOutcome.Accepted accepted -> {
				count(provider, "accepted");
				yield ResponseEntity.accepted()
					.body(Map.of("eventId", accepted.eventId(), "deliveryId", accepted.deliveryId()));
			}
			case IngressOutcome.Duplicate duplicate -> {
				count(provider, "duplicate");
				yield ResponseEntity.ok(Map.of("eventId", duplicate.eventId(), "deliveryId", duplicate.deliveryId(),
						"duplicate", true));
			}
			case IngressOutcome.UnknownProvider unknown -> unknownProvider(unknown.provider());
			case IngressOutcome.Unauthorized unauthorized -> problem(provider, "invalid-signature",
					HttpStatus.UNAUTHORIZED, "Invalid webhook signature", unauthorized.reason());
			case IngressOutcome.Malformed malformed ->
				problem(provider, "malformed", HttpStatus.BAD_REQUEST, "Malformed webhook", malformed.reason());
			case IngressOutcome.Unavailable unavailable -> unavailable(provider,
					"The message broker did not confirm the delivery (" + unavailable.reason() + "); retry later.");
		};
	}

	private ResponseEntity<ProblemDetail> tooLarge(String provider, long limit) {
		return problem(provider, "too-large", HttpStatus.CONTENT_TOO_LARGE, "Webhook body too large",
				"The body exceeds the " + limit + " bytes allowed for " + provider + ".");
	}

	/**
	 * Every byte the gateway may hold for bodies is taken: the request is not read, and
	 * the provider retries. Logged at most once a second (a flood would fill the log),
	 * never with the body.
	 */
	private ResponseEntity<ProblemDetail> overBudget(String provider, long declaredLength) {
		long now = System.nanoTime();
		long last = this.lastOverBudgetLog.get();
		if (now - last > 1_000_000_000L && this.lastOverBudgetLog.compareAndSet(last, now)) {
			logger.warn("Webhook bodies hold the whole body budget ({} bytes): {} request of {} bytes answered 503",
					this.budget.total(), provider, (declaredLength >= 0) ? declaredLength : "unknown");
		}
		count(provider, "over-budget");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfter.toSeconds()))
			.body(problemDetail(provider, "over-budget", HttpStatus.SERVICE_UNAVAILABLE, "Too many bodies in flight",
					"The gateway is reading as many webhook bodies as its memory allows; retry later."));
	}

	/**
	 * The delivery log cannot be read or written: nothing was accepted, the provider
	 * retries.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex, HttpServletRequest request) {
		String provider = String.valueOf(request.getAttribute("provider"));
		return unavailable(provider, "The delivery log is not available; retry later.");
	}

	private ResponseEntity<ProblemDetail> unavailable(String provider, String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfter.toSeconds()))
			.body(problemDetail(provider, "unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Delivery not accepted yet",
					detail));
	}

	private static String pathAndQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private ResponseEntity<ProblemDetail> unknownProvider(String provider) {
		count("unknown", "unknown-provider");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No webhook provider '" + provider + "' is configured here.");
		problem.setType(URI.create("urn:switchboard:problem:webhook:unknown-provider"));
		problem.setTitle("Unknown webhook provider");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	private static Map<String, String> headersOf(HttpServletRequest request) {
		Map<String, String> headers = new HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.putIfAbsent(name, request.getHeader(name));
		}
		return headers;
	}

	private ResponseEntity<ProblemDetail> problem(String provider, String kind, HttpStatus status, String title,
			String detail) {
		return ResponseEntity.status(status).body(problemDetail(provider, kind, status, title, detail));
	}

	private ProblemDetail problemDetail(String provider, String kind, HttpStatus status, String title, String detail) {
		count(provider, kind);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:webhook:" + kind));
		problem.setTitle(title);
		problem.setProperty("provider", provider);
		problem.setProperty("correlationId", MDC.get(CorrelationIds.MDC_KEY));
		return problem;
	}

	private void count(String provider, String outcome) {
		this.meters.counter("switchboard.webhooks.received", "provider", provider, "outcome", outcome).increment();
	}

}
