package dev.switchboard.sandbox.teamviewer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the session's links open: the customer's join page
 * ({@code /teamviewer/join/{code}}, the link in the public reply), where joining starts
 * the connection, and the supporter's page ({@code /teamviewer/supporter/{code}}), where
 * ending it sends the session's end. A recording link shows a placeholder.
 */
@Controller
class SessionPages {

	private final RemoteSupport support;

	private final Connections connections;

	SessionPages(RemoteSupport support, Connections connections) {
		this.support = support;
		this.connections = connections;
	}

	@GetMapping("/teamviewer/join/{code}")
	String customer(@PathVariable String code, Model model) {
		return page(code, false, model);
	}

	@GetMapping("/teamviewer/supporter/{code}")
	String supporter(@PathVariable String code, Model model) {
		return page(code, true, model);
	}

	private String page(String code, boolean supporter, Model model) {
		// "session" is a name Thymeleaf keeps for the HTTP session
		model.addAttribute("remote", this.support.session(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no session code " + code)));
		model.addAttribute("supporter", supporter);
		return "teamviewer";
	}

	@PostMapping("/teamviewer/join/{code}")
	String join(@PathVariable String code) {
		act(() -> this.connections.join(code));
		return "redirect:/teamviewer/join/" + code;
	}

	@PostMapping("/teamviewer/supporter/{code}/end")
	String end(@PathVariable String code) {
		act(() -> this.connections.end(code));
		return "redirect:/teamviewer/supporter/" + code;
	}

	@GetMapping(path = "/teamviewer/recordings/{code}", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	ResponseEntity<String> recording(@PathVariable String code) {
		return this.support.session(code)
			.map((session) -> ResponseEntity.ok("Recording of TeamViewer session " + code + " (simulated)."))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static void act(Runnable action) {
		try {
			action.run();
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage());
		}
	}

}
