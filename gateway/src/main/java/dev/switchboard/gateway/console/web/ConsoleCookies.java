package dev.switchboard.gateway.console.web;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The session cookie: the opaque token only, HttpOnly, SameSite=Strict, on
 * {@code /console} only (the admin API never sees it), Secure whenever the console is
 * reached over https: the request itself, or the {@code X-Forwarded-Proto: https} of the
 * TLS proxy in front (which must set it). Not from {@code gateway.public-base-url}: an
 * operator who opens the console on the plain port (an SSH tunnel, localhost) would get a
 * cookie the browser never sends back.
 */
@Component
class ConsoleCookies {

	static final String NAME = "switchboard_console";

	@Nullable String tokenOf(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	void set(HttpServletRequest request, HttpServletResponse response, String token, Duration maxAge) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, maxAge));
	}

	void clear(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
	}

	private String cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.path("/console")
			.httpOnly(true)
			.secure(secure(request))
			.sameSite("Strict")
			.maxAge(maxAge)
			.build()
			.toString();
	}

	private boolean secure(HttpServletRequest request) {
		return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
	}

}
