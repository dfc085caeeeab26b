package dev.switchboard.issuesync.access.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.switchboard.issuesync.access.InternalTokenProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service's own port answers only the gateway, deny by default: every path but the
 * two probes ({@code /livez}, {@code /readyz}) needs the internal token (constant-time
 * comparison), whether or not a handler exists for it, and only in its one canonical
 * spelling (400 for percent-encoding, {@code ;}, {@code \}, dot segments, doubled or
 * trailing slashes), so that this check and Spring's router always look at the same path.
 * Health and metrics live on the management port. The port is not published; this holds
 * even if someone reaches it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InternalTokenFilter extends OncePerRequestFilter {

	private final byte[] token;

	private final JsonMapper json;

	InternalTokenFilter(InternalTokenProperties properties, JsonMapper json) {
		this.token = properties.internalToken().getBytes(StandardCharsets.UTF_8);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/livez") || path.equals("/readyz");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String wrong = nonCanonical(request.getRequestURI());
		if (wrong != null) {
			refuse(response, HttpStatus.BAD_REQUEST, "non-canonical-path", "Path not accepted",
					wrong + ": send the path in its plain spelling.");
			return;
		}
		String offered = request.getHeader(InternalTokenProperties.HEADER);
		if (offered != null && MessageDigest.isEqual(this.token, offered.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		refuse(response, HttpStatus.UNAUTHORIZED, "internal-token", "Missing or wrong internal token",
				"This API is reached through the gateway, which adds " + InternalTokenProperties.HEADER + ".");
	}

	/** Why a raw path is not in its one canonical spelling, or null when it is. */
	static @Nullable String nonCanonical(String path) {
		if (path.isEmpty() || path.charAt(0) != '/' || path.length() > 2048) {
			return "the path must start with / and be at most 2048 characters";
		}
		for (char c : path.toCharArray()) {
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == '/';
			if (!plain) {
				return "the path may hold only letters, digits, '-', '.', '_', '~' and '/' (no encoding, no ;)";
			}
		}
		if (path.contains("//") || (path.length() > 1 && path.endsWith("/"))
				|| ("/" + path + "/").matches(".*/\\.{1,2}/.*")) {
			return "doubled or trailing slashes and dot segments are not accepted";
		}
		return null;
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:switchboard:problem:" + kind));
		problem.setTitle(title);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
