package dev.switchboard.gateway.console.web;

import java.util.Map;

import dev.switchboard.gateway.access.Operation;
import dev.switchboard.gateway.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows in its header: the key signed in, its role and the CSRF
 * token its forms send back; and what the key may do ({@code may.replay},
 * {@code may.discard}, {@code may.start}, {@code may.change}), so that a page offers no
 * button its key may not press (the filter refuses the request anyway).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	@ModelAttribute("consoleSession")
	@Nullable ConsoleUser session(HttpServletRequest request) {
		return (ConsoleUser) request.getAttribute(ConsoleSessionFilter.SESSION_ATTRIBUTE);
	}

	@ModelAttribute("may")
	Map<String, Boolean> may(HttpServletRequest request) {
		ConsoleUser user = (ConsoleUser) request.getAttribute(ConsoleSessionFilter.SESSION_ATTRIBUTE);
		if (user == null) {
			return Map.of("replay", false, "discard", false, "start", false, "change", false);
		}
		return Map.of("replay", user.may(Operation.REPLAY), "discard", user.may(Operation.DISCARD), "start",
				user.may(Operation.START), "change", user.may(Operation.CHANGE));
	}

	static ConsoleUser sessionOf(HttpServletRequest request) {
		ConsoleUser user = (ConsoleUser) request.getAttribute(ConsoleSessionFilter.SESSION_ATTRIBUTE);
		if (user == null) {
			throw new IllegalStateException("console page without a session");
		}
		return user;
	}

}
