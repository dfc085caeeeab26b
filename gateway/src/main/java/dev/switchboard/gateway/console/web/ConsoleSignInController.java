package dev.switchboard.gateway.console.web;

import dev.switchboard.gateway.console.ConsoleSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in: the key is posted once (never in a URL) and exchanged for a session cookie;
 * sign-out ends the session.
 */
@Controller
class ConsoleSignInController {

	private final ConsoleSignIn signIn;

	private final ConsoleCookies cookies;

	ConsoleSignInController(ConsoleSignIn signIn, ConsoleCookies cookies) {
		this.signIn = signIn;
		this.cookies = cookies;
	}

	@GetMapping("/console")
	String home(HttpServletRequest request) {
		return ConsolePaths.seeOther(request, ConsolePaths.HOME);
	}

	@GetMapping(ConsolePaths.SIGN_IN)
	String form(HttpServletRequest request) {
		if (this.signIn.userOf(this.cookies.tokenOf(request)).isPresent()) {
			return ConsolePaths.seeOther(request, ConsolePaths.HOME);
		}
		return "console/sign-in";
	}

	@PostMapping(ConsolePaths.SIGN_IN)
	String signIn(@RequestParam(name = "key", required = false) @Nullable String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return this.signIn.signIn(key).map((signedIn) -> {
			this.cookies.set(request, response, signedIn.token(), this.signIn.sessionTtl());
			return ConsolePaths.seeOther(request, ConsolePaths.HOME);
		}).orElseGet(() -> {
			boolean keptOut = this.signIn.keptOut(key);
			response.setStatus(keptOut ? HttpStatus.FORBIDDEN.value() : HttpStatus.UNAUTHORIZED.value());
			model.addAttribute(keptOut ? "keptOut" : "refused", true);
			return "console/sign-in";
		});
	}

	@PostMapping("/console/logout")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		this.signIn.signOut(this.cookies.tokenOf(request));
		this.cookies.clear(request, response);
		return ConsolePaths.seeOther(request, ConsolePaths.SIGN_IN);
	}

}
