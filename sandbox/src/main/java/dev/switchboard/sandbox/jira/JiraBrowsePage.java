package dev.switchboard.sandbox.jira;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /jira/browse/{key}}, the issue URL an agent pastes: opens the issue on the
 * sandbox's page (an old key too, as Jira redirects it), 404 for none.
 */
@RestController
class JiraBrowsePage {

	private final JiraSite site;

	JiraBrowsePage(JiraSite site) {
		this.site = site;
	}

	@GetMapping("/jira/browse/{key}")
	ResponseEntity<Void> browse(@PathVariable String key) {
		return this.site.issue(key)
			.map((issue) -> ResponseEntity.status(HttpStatus.FOUND)
				.location(URI.create("/#jira-" + issue.id()))
				.<Void>build())
			.orElse(ResponseEntity.notFound().build());
	}

}
