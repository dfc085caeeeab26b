package dev.switchboard.gateway.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.switchboard.gateway.correlation.CorrelationIds;
import dev.switchboard.gateway.webhook.BodyBudget;
import dev.switchboard.gateway.webhook.GatewayProperties;
import dev.switchboard.gateway.webhook.IngressOutcome;
import dev.switchboard.gateway.webhook.WebhookIngress;
import dev.switchboard.gateway.webhook.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/{provider}} and {@code /webhooks/statuspage/{token}}: refuses
 * what it can before reading the body (an unknown provider, a declared length over the
 * provider's limit, a missing or malformed signature header, a stale timestamp, a wrong
 * Statuspage token), reads the raw body in bounded chunks within the provider's limit and
 * the shared {@link BodyBudget} (503 with {@code Retry-After} over it), lets the ingress
 * verify and publish it, and answers 202 only once the broker confirmed it. Every error
 * is a problem detail; neither the body nor a signature is ever logged.
 * <p>
 * A servlet filter rather than a controller: webhooks are the one hot path, and a
 * provider's burst pays for every layer it crosses. Answered here, right after the
 * correlation id and the canonical-path check, a webhook skips the dispatcher (handler
 * lookup among the admin routes, argument resolution, content negotiation) and the
 * filters behind this one; {@link WebhookObservations} keeps it out of the generic HTTP
 * observation, and {@code switchboard.webhooks.request} times it instead. Another method
 * on a webhook path is answered as Spring MVC would (405 with {@code Allow}); any other
 * path goes on to Spring MVC.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WebhookEndpoint extends HttpFilter {

	private static final Logger logger = LoggerFactory.getLogger(WebhookEndpoint.class);

	private static final byte[] NO_BODY = new byte[0];

	private final WebhookIngress ingress;

	private final MeterRegistry meters;

	private final JsonMapper json;

	private final Duration retryAfter;

	private final BodyBudget budget;

	private final Timer requests;

	private final Map<ReceivedKey, Counter> received = new ConcurrentHashMap<>();

	private final AtomicLong lastOverBudgetLog = new AtomicLong(System.nanoTime() - 2_000_000_000L);

	WebhookEndpoint(WebhookIngress ingress, MeterRegistry meters, JsonMapper json, GatewayProperties properties,
			BodyBudget budget) {
		this.ingress = ingress;
		this.meters = meters;
		this.json = json;
		this.retryAfter = properties.publish().retryAfter();
		this.budget = budget;
		this.requests = Timer.builder("switchboard.webhooks.request")
			.description("Handling a webhook request, from its headers to the answer")
			.register(meters);
		Gauge.builder("switchboard.webhooks.body.budget.available", budget, BodyBudget::available)
			.description("Bytes webhook bodies in flight may still take")
			.baseUnit("bytes")
			.register(meters);
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String path = request.getRequestURI();
		WebhookRoute route = WebhookRoute.of(path);
		if (route == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!"POST".equals(request.getMethod())) {
			otherMethod(request.getMethod(), path, response);
			return;
		}
		long started = System.nanoTime();
		WebhookAnswer answer;
		try {
			answer = receive(route, request);
		}
		catch (DataAccessException ex) {
			// the delivery log cannot be written: nothing was accepted, the provider
			// retries
			answer = unavailable(route.provider(), "The delivery log is not available; retry later.");
		}
		write(answer, path, response);
		this.requests.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
	}

	/** As Spring MVC answers a path mapped for POST alone. */
	private void otherMethod(String method, String path, HttpServletResponse response) throws IOException {
		if ("OPTIONS".equals(method)) {
			response.setHeader(HttpHeaders.ALLOW, "POST,OPTIONS");
			return;
		}
		response.setHeader(HttpHeaders.ALLOW, "POST");
		write(WebhookAnswer.methodNotAllowed(method), path, response);
	}

	private WebhookAnswer receive(WebhookRoute route, HttpServletRequest request) throws IOException {
		String provider = route.provider();
		if (route.tokenMissing()) {
			// Statuspage authenticates by the token in its path: without one, nothing can
			// verify it
			return problem(provider, "invalid-signature", HttpStatus.UNAUTHORIZED, "Invalid webhook signature",
					"Statuspage webhooks are sent to /webhooks/statuspage/{token}.");
		}
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
				new WebhookRequest(headers, NO_BODY, pathAndQuery, route.token()));
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
									new WebhookRequest(headers, body.bytes(), pathAndQuery, route.token()),
									(correlationId != null) ? correlationId : CorrelationIds.acceptOrCreate(null)));
				}
			};
		}
	}

	private WebhookAnswer answer(String provider, IngressOutcome outcome) {
		return switch (outcome) {
			case IngressOutcome.Accepted accepted -> {
				count(provider, "accepted");
				yield WebhookAnswer.accepted(accepted.eventId(), accepted.deliveryId());
			}
			case IngressOutcome.Duplicate duplicate -> {
				count(provider, "duplicate");
				yield WebhookAnswer.duplicate(duplicate.eventId(), duplicate.deliveryId());
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

	private WebhookAnswer tooLarge(String provider, long limit) {
		return problem(provider, "too-large", HttpStatus.CONTENT_TOO_LARGE, "Webhook body too large",
				"The body exceeds the " + limit + " bytes allowed for " + provider + ".");
	}

	/**
	 * Every byte the gateway may hold for bodies is taken: the request is not read, and
	 * the provider retries. Logged at most once a second (a flood would fill the log),
	 * never with the body.
	 */
	private WebhookAnswer overBudget(String provider, long declaredLength) {
		long now = System.nanoTime();
		long last = this.lastOverBudgetLog.get();
		if (now - last > 1_000_000_000L && this.lastOverBudgetLog.compareAndSet(last, now)) {
			logger.warn("Webhook bodies hold the whole body budget ({} bytes): {} request of {} bytes answered 503",
					this.budget.total(), provider, (declaredLength >= 0) ? declaredLength : "unknown");
		}
		count(provider, "over-budget");
		return problem(provider, "over-budget", HttpStatus.SERVICE_UNAVAILABLE, "Too many bodies in flight",
				"The gateway is reading as many webhook bodies as its memory allows; retry later.")
			.askingForARetryLater();
	}

	private WebhookAnswer unavailable(String provider, String detail) {
		return problem(provider, "unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Delivery not accepted yet", detail)
			.askingForARetryLater();
	}

	private WebhookAnswer unknownProvider(String provider) {
		count("unknown", "unknown-provider");
		return WebhookAnswer.problem("unknown-provider", HttpStatus.NOT_FOUND, "Unknown webhook provider",
				"No webhook provider '" + provider + "' is configured here.");
	}

	private WebhookAnswer problem(String provider, String kind, HttpStatus status, String title, String detail) {
		count(provider, kind);
		return WebhookAnswer.problem(kind, status, title, detail)
			.with("provider", provider)
			.with("correlationId", MDC.get(CorrelationIds.MDC_KEY));
	}

	private void write(WebhookAnswer answer, String path, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status().value());
		response.setContentType(answer.contentType());
		if (answer.retryLater()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfter.toSeconds()));
		}
		// the whole body with its length, so Tomcat sends the headers and the body in one
		// write whatever the body's size (GithubWebhookIntegrationTests checks the
		// length)
		byte[] body = this.json.writeValueAsBytes(answer.bodyFor(path));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static String pathAndQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private static Map<String, String> headersOf(HttpServletRequest request) {
		Map<String, String> headers = new HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.putIfAbsent(name, request.getHeader(name));
		}
		return headers;
	}

	/**
	 * Counted on every webhook: each provider's and outcome's counter is registered once
	 * and kept here (both come from a short fixed list: providers are known ones or
	 * {@code unknown}), rather than looked up in the registry by a new id every time.
	 */
	private void count(String provider, String outcome) {
		this.received
			.computeIfAbsent(new ReceivedKey(provider, outcome),
					(key) -> this.meters.counter("switchboard.webhooks.received", "provider", key.provider(), "outcome",
							key.outcome()))
			.increment();
	}

	private record ReceivedKey(String provider, String outcome) {
	}

}
