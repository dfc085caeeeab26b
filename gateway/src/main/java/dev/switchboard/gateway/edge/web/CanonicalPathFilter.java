package dev.switchboard.gateway.edge.web;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import dev.switchboard.gateway.edge.EdgePaths;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, every request whose path is not spelled canonically
 * ({@link EdgePaths#nonCanonical}), before the key check and before any router sees it.
 * Runs right after the correlation id is set, so the refusal carries one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CanonicalPathFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	private final MeterRegistry meters;

	CanonicalPathFilter(JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.meters = meters;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> wrong = EdgePaths.nonCanonical(request.getRequestURI());
		if (wrong.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		this.meters.counter("switchboard.edge.refused", "reason", "non-canonical-path").increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				wrong.get() + ": send the path in its plain spelling.");
		problem.setType(URI.create("urn:switchboard:problem:edge:non-canonical-path"));
		problem.setTitle("Path not accepted");
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
