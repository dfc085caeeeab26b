package dev.switchboard.gateway.console.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.View;

/** The console's paths that need no session: the sign-in page and the stylesheet. */
final class ConsolePaths {

	static final String SIGN_IN = "/console/login";

	static final String ASSETS = "/console/assets/";

	static final String HOME = "/console/deliveries";

	private ConsolePaths() {
	}

	/**
	 * A redirect after a form (303 See Other: the browser follows with a GET, never
	 * re-posting).
	 */
	static String seeOther(HttpServletRequest request, String path) {
		request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
		return "redirect:" + path;
	}

	static boolean isOpen(String rawPath) {
		return rawPath.equals(SIGN_IN) || (rawPath.startsWith(ASSETS) && rawPath.indexOf('/', ASSETS.length()) < 0);
	}

}
