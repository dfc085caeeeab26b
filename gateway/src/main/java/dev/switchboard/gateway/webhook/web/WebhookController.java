package dev.switchboard.gateway.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import dev.switchboard.contracts.Provider;
import dev.switchboard.gateway.correlation.CorrelationIds;
import dev.switchboard.gateway.webhook.GatewayProperties;
import dev.switchboard.gateway.webhook.IngressOutcome;
import dev.switchboard.gateway.webhook.WebhookIngress;
import dev.switchboard.gateway.webhook.WebhookRequest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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
 * {@code POST /webhooks/{provider}}: reads the raw body within the provider's limit, lets
 * the ingress verify and publish it, and answers 202 only once the broker confirmed it.
 * Every error is a problem detail; neither the body nor a signature is ever logged.
 */
@RestController
class WebhookController {

	private final WebhookIngress ingress;

	private final MeterRegistry meters;

	private final Duration retryAfter;

	WebhookController(WebhookIngress ingress, MeterRegistry meters, GatewayProperties properties) {
		this.ingress = ingress;
		this.meters = meters;
		this.retryAfter = properties.publish().retryAfter();
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
		byte[] body = readWithin(request, limit.getAsLong());
		if (body == null) {
			return problem(provider, "too-large", HttpStatus.CONTENT_TOO_LARGE, "Webhook body too large",
					"The body exceeds the " + limit.getAsLong() + " bytes allowed for " + provider + ".");
		}
		String correlationId = MDC.get(CorrelationIds.MDC_KEY);
		WebhookRequest webhook = new WebhookRequest(headersOf(request), body, pathAndQuery(request), pathToken);
		IngressOutcome outcome = this.ingress.receive(provider, webhook,
				(correlationId != null) ? correlationId : CorrelationIds.acceptOrCreate(null));
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

	/**
	 * The body, or {@code null} when it is larger than the limit (not read further than
	 * that).
	 */
	private static byte @Nullable [] readWithin(HttpServletRequest request, long limit) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			return (body.length > limit) ? null : body;
		}
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
