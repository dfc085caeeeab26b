package dev.switchboard.remotesession.access.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.switchboard.remotesession.access.InternalTokenProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} answers only requests that carry the internal token (constant-time
 * comparison); the service's own port is not published, the gateway is the way in.
 * Actuator endpoints stay open for health checks and scraping.
 */
@Component
class InternalTokenFilter extends OncePerRequestFilter {

	private final byte[] token;

	private final JsonMapper json;

	InternalTokenFilter(InternalTokenProperties properties, JsonMapper json) {
		this.token = properties.internalToken().getBytes(StandardCharsets.UTF_8);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String offered = request.getHeader(InternalTokenProperties.HEADER);
		if (offered != null && MessageDigest.isEqual(this.token, offered.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"This API is reached through the gateway, which adds " + InternalTokenProperties.HEADER + ".");
		problem.setType(URI.create("urn:switchboard:problem:internal-token"));
		problem.setTitle("Missing or wrong internal token");
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
