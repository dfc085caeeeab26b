package dev.switchboard.gateway.console.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import dev.switchboard.gateway.adminapi.RateLimiter;
import dev.switchboard.gateway.audit.Audit;
import dev.switchboard.gateway.access.Action;
import dev.switchboard.gateway.access.Actions;
import dev.switchboard.gateway.console.ConsoleUser;
import dev.switchboard.gateway.console.ConsoleSignIn;
import dev.switchboard.gateway.edge.EdgePaths;
import dev.switchboard.gateway.webhook.GatewayProperties;
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
import org.springframework.web.util.HtmlUtils;

/**
 * The console's door ({@link EdgePaths.Access#CONSOLE}), after the canonical-path check:
 * security headers on every answer (a Content-Security-Policy that allows no script at
 * all, no framing, no caching); the sign-in page and the stylesheet open; every other
 * page needs a live session cookie (a page navigation without one is sent to sign-in,
 * anything else gets 401), within its key's rate limit; and every change (POST) must come
 * from the console's own pages: same origin ({@code Sec-Fetch-Site}, {@code Origin}) and
 * the session's CSRF token, else 403, and be something the key's role may do
 * ({@link Actions}, the admin API's rule), else 403. A session never opens the admin API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ConsoleSessionFilter extends OncePerRequestFilter {

	static final String SESSION_ATTRIBUTE = "switchboard.consoleSession";

	static final String CSRF_PARAMETER = "_csrf";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private static final long LARGEST_FORM = 16 * 1024;

	private static final Logger log = LoggerFactory.getLogger(ConsoleSessionFilter.class);

	private final ConsoleSignIn signIn;

	private final RateLimiter rateLimiter;

	private final ConsoleCookies cookies;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final URI publicBaseUrl;

	private final Audit audit;

	ConsoleSessionFilter(ConsoleSignIn signIn, RateLimiter rateLimiter, ConsoleCookies cookies, JsonMapper json,
			MeterRegistry meters, GatewayProperties gateway, Audit audit) {
		this.audit = audit;
		this.signIn = signIn;
		this.rateLimiter = rateLimiter;
		this.cookies = cookies;
		this.json = json;
		this.meters = meters;
		this.publicBaseUrl = gateway.publicBaseUrl();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return EdgePaths.accessOf(request.getRequestURI()) != EdgePaths.Access.CONSOLE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		securityHeaders(response);
		boolean change = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
		if (change && request.getContentLengthLong() > LARGEST_FORM) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Form too large",
					"Console forms are small; this one was refused.");
			return;
		}
		if (change && !sameOrigin(request)) {
			refuse(request, response, HttpStatus.FORBIDDEN, "cross-site", "Not sent from the console",
					"Changes are accepted only from the console's own pages. Open the console and try again.");
			return;
		}
		if (ConsolePaths.isOpen(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ConsoleUser> session = this.signIn.userOf(this.cookies.tokenOf(request));
		if (session.isEmpty()) {
			if (!change && acceptsHtml(request)) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION, ConsolePaths.SIGN_IN);
				return;
			}
			refuse(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in",
					"Sign in to the console with an API key at " + ConsolePaths.SIGN_IN + ".");
			return;
		}
		Optional<Duration> wait = this.rateLimiter.tryAcquire(session.get().keyName());
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, (long) Math.ceil(wait.get().toMillis() / 1000.0))));
			refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
					"This key's rate limit is reached; wait a moment and reload.");
			return;
		}
		ConsoleUser user = session.get();
		Action action = Actions.classify(request.getMethod(), request.getRequestURI());
		if (change && !ConsoleSignIn.csrfMatches(user, request.getParameter(CSRF_PARAMETER))) {
			refuse(request, response, HttpStatus.FORBIDDEN, "csrf", "Form expired or forged",
					"The form did not carry this session's token. Reload the page and try again.");
			audit(user, action, request, HttpStatus.FORBIDDEN.value());
			return;
		}
		if (!user.may(action.operation())) {
			log.info("Console {} {} by key '{}' refused: the role {} may not", request.getMethod(),
					request.getRequestURI(), user.keyName(), user.role().label());
			refuse(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this key",
					"The key '" + user.keyName() + "' is a " + user.role().label()
							+ ": it may look, not do this. Ask for an" + " operator key.");
			audit(user, action, request, HttpStatus.FORBIDDEN.value());
			return;
		}
		request.setAttribute(SESSION_ATTRIBUTE, user);
		boolean answered = false;
		try {
			chain.doFilter(request, response);
			answered = true;
		}
		finally {
			if (change) {
				int status = answered ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR.value();
				log.info("Console {} {} by key '{}' → {}", request.getMethod(), request.getRequestURI(), user.keyName(),
						status);
				if (action.change()) {
					audit(user, action, request, status);
				}
			}
		}
	}

	private void audit(ConsoleUser user, Action action, HttpServletRequest request, int status) {
		this.audit.record(user.keyName(), user.role(), Audit.Channel.CONSOLE, action,
				request.getAttribute(Audit.TARGET_ATTRIBUTE), request.getMethod(), request.getRequestURI(), status);
	}

	private static void securityHeaders(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		// not no-referrer: under it a browser sends "Origin: null" with the console's own
		// forms, and the origin check could not tell them from a sandboxed attacker's
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	/**
	 * A browser says where a request comes from: {@code Sec-Fetch-Site} (same-origin, or
	 * none for a typed URL) and {@code Origin} (this gateway's host, as called or as
	 * published); a request with neither is not a browser's cross-site form.
	 */
	private boolean sameOrigin(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !site.equals("same-origin") && !site.equals("none")) {
			return false;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return true;
		}
		try {
			String authority = URI.create(origin).getAuthority();
			return authority != null && (authority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST))
					|| authority.equalsIgnoreCase(this.publicBaseUrl.getAuthority()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	/**
	 * A problem detail, or for a browser page a short page saying what to do (fixed text
	 * only).
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
			String title, String detail) throws IOException {
		this.meters.counter("switchboard.console.refused", "reason", kind).increment();
		response.setStatus(status.value());
		if (acceptsHtml(request)) {
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(page(title, detail).getBytes(StandardCharsets.UTF_8));
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:console:" + kind));
		problem.setTitle(title);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

	private static String page(String title, @Nullable String detail) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>"
				+ HtmlUtils.htmlEscape(title) + " · Switchboard</title>"
				+ "<link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head><body><main class=\"narrow\">"
				+ "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(String.valueOf(detail))
				+ "</p><p><a href=\"/console/deliveries\">Back to the console</a></p></main></body></html>";
	}

}
