package dev.switchboard.gateway.console.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the service pages show when a service does not answer (503, what to do) or refuses
 * (its status, and its problem detail escaped; 404 the console's not-found page).
 */
@ControllerAdvice(assignableTypes = { ConsoleLinksController.class, ConsoleSubscriptionsController.class,
		ConsoleCallsController.class, ConsoleSessionsController.class })
class ConsoleServiceProblems {

	@ExceptionHandler(ServiceApis.ServiceUnavailable.class)
	String unavailable(ServiceApis.ServiceUnavailable ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		model.addAttribute("title", ex.service() + " is not answering");
		model.addAttribute("detail", ex.service() + " could not be reached or failed to answer. Check its health"
				+ " (./switchboard status, or its /readyz), then reload this page. A change you just sent may or may"
				+ " not have been made: look before you send it again.");
		return "console/problem";
	}

	@ExceptionHandler(ServiceApis.ServiceRefused.class)
	String refused(ServiceApis.ServiceRefused ex, HttpServletResponse response, Model model) {
		if (ex.status() == HttpStatus.NOT_FOUND.value()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		response.setStatus((ex.status() >= 400) ? ex.status() : HttpStatus.BAD_GATEWAY.value());
		model.addAttribute("title", "Not done");
		model.addAttribute("detail", ex.getMessage() + " Go back, correct it and try again.");
		return "console/problem";
	}

}
