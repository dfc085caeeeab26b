package dev.switchboard.gateway.adminapi.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;

import dev.switchboard.gateway.access.Action;
import dev.switchboard.gateway.access.Actions;
import dev.switchboard.gateway.adminapi.ApiKey;
import dev.switchboard.gateway.adminapi.ApiKeyProperties;
import dev.switchboard.gateway.adminapi.ApiKeys;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import dev.switchboard.gateway.adminapi.RateLimiter;
import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.edge.EdgePaths;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of every path that is not public, before anything is routed; deny by default
 * ({@link EdgePaths#accessOf}): the webhook paths (they carry signatures) and the probes
 * are the only public ones, {@code /internal/**} needs the internal token, and every
 * other path, whatever its spelling and whether or not a route exists for it, needs
 * {@code Authorization: Bearer <key>} of a configured key (401), within its rate limit
 * (429 with {@code Retry-After}), its body within the limit (413, 411 for a body of
 * unknown length), and something the key's role may do ({@link Actions}: only GET and
 * HEAD are reads, any other request a change; an {@code agent} key reads a ticket's
 * summary only; 403 otherwise). Changes are logged with the key's name and audited
 * ({@link Audit}), refused ones too once the key is known.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter extends OncePerRequestFilter {

	static final String KEY_NAME_ATTRIBUTE = "switchboard.apiKeyName";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final ApiKeys keys;

	private final RateLimiter rateLimiter;

	private final ApiKeyProperties properties;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final byte[] internalToken;

	private final Audit audit;

	ApiKeyFilter(ApiKeys keys, RateLimiter rateLimiter, ApiKeyProperties properties, JsonMapper json,
			MeterRegistry meters, InternalTokenProperties internal, Audit audit) {
		this.audit = audit;
		this.internalToken = internal.internalToken().getBytes(StandardCharsets.UTF_8);
		this.keys = keys;
		this.rateLimiter = rateLimiter;
		this.properties = properties;
		this.json = json;
		this.meters = meters;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the console has a door of its own (a session cookie made from a key); a console
		// session never opens the admin API, nor a key the console
		EdgePaths.Access access = EdgePaths.accessOf(request.getRequestURI());
		return access == EdgePaths.Access.PUBLIC || access == EdgePaths.Access.CONSOLE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (EdgePaths.accessOf(request.getRequestURI()) == EdgePaths.Access.INTERNAL) {
			String offered = request.getHeader(InternalTokenProperties.HEADER);
			if (offered != null
					&& MessageDigest.isEqual(this.internalToken, offered.getBytes(StandardCharsets.UTF_8))) {
				chain.doFilter(request, response);
				return;
			}
			refuse(response, HttpStatus.UNAUTHORIZED, "internal-token", "Internal token required",
					"Only Switchboard's services call this: send " + InternalTokenProperties.HEADER + ".");
			return;
		}
		Optional<ApiKey> found = this.keys.keyOf(bearer(request));
		if (found.isEmpty()) {
			refuse(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or unknown API key",
					this.keys.anyConfigured() ? "Send Authorization: Bearer <api key>."
							: "The admin API is closed: no gateway.api-keys are configured.");
			return;
		}
		ApiKey key = found.get();
		Optional<Duration> wait = this.rateLimiter.tryAcquire(key.name());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0))));
			refuse(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", "The key '" + key.name()
					+ "' may make " + this.properties.api().rateLimit() + " requests a second.");
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.properties.api().maxBody().toBytes()) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
					"Admin requests may carry at most " + this.properties.api().maxBody() + ".");
			return;
		}
		if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			refuse(response, HttpStatus.LENGTH_REQUIRED, "length-required", "Length required",
					"Send admin request bodies with a Content-Length.");
			return;
		}
		request.setAttribute(KEY_NAME_ATTRIBUTE, key.name());
		this.meters.counter("switchboard.admin.requests", "key", key.name()).increment();
		Action action = Actions.classify(request.getMethod(), request.getRequestURI());
		if (!key.role().may(action.operation())) {
			log.info("Admin {} {} by key '{}' refused: the role {} may not", request.getMethod(),
					request.getRequestURI(), key.name(), key.role().label());
			refuse(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this key",
					"The key '" + key.name() + "' is a " + key.role().label() + ": " + key.role().rights() + ", not "
							+ (action.change() ? action.name() : "read " + request.getRequestURI()) + ".");
			audit(key, action, request, HttpStatus.FORBIDDEN.value());
			return;
		}
		boolean answered = false;
		try {
			chain.doFilter(request, response);
			answered = true;
		}
		finally {
			if (action.change()) {
				int status = answered ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR.value();
				log.info("Admin {} {} by key '{}' → {}", request.getMethod(), request.getRequestURI(), key.name(),
						status);
				audit(key, action, request, status);
			}
		}
	}

	private void audit(ApiKey key, Action action, HttpServletRequest request, int status) {
		this.audit.record(key.name(), key.role(), Audit.Channel.API, action,
				request.getAttribute(Audit.TARGET_ATTRIBUTE), request.getMethod(), request.getRequestURI(), status);
	}

	private static @Nullable String bearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				? authorization.substring(7).trim() : null;
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
			throws IOException {
		this.meters.counter("switchboard.admin.refused", "reason", kind).increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:admin:" + kind));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
