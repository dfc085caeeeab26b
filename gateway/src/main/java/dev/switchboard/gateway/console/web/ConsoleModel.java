package dev.switchboard.gateway.console.web;

import dev.switchboard.gateway.console.ConsoleSession;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows in its header: the key signed in and the CSRF token its
 * forms send back.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	@ModelAttribute("consoleSession")
	@Nullable ConsoleSession session(HttpServletRequest request) {
		return (ConsoleSession) request.getAttribute(ConsoleSessionFilter.SESSION_ATTRIBUTE);
	}

	static ConsoleSession sessionOf(HttpServletRequest request) {
		ConsoleSession session = (ConsoleSession) request.getAttribute(ConsoleSessionFilter.SESSION_ATTRIBUTE);
		if (session == null) {
			throw new IllegalStateException("console page without a session");
		}
		return session;
	}

}
