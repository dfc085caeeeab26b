package dev.switchboard.sandbox.page;

import java.util.Map;

import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.slack.Workspace;
import dev.switchboard.sandbox.zendesk.Helpdesk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The simulated world as its users would see it: the page at {@code /} (tickets with
 * their conversation and internal notes, issues with their comments and labels, Slack
 * channels) and the same state as JSON at {@code /sandbox/state}.
 */
@Controller
class WorldController {

	private final Helpdesk helpdesk;

	private final IssueTracker github;

	private final Workspace slack;

	WorldController(Helpdesk helpdesk, IssueTracker github, Workspace slack) {
		this.helpdesk = helpdesk;
		this.github = github;
		this.slack = slack;
	}

	@GetMapping("/")
	String page(Model model) {
		model.addAllAttributes(state());
		model.addAttribute("names", this.helpdesk.userNames());
		return "world";
	}

	@GetMapping(path = "/sandbox/state", produces = "application/json")
	@ResponseBody
	Map<String, Object> state() {
		return Map.of("tickets", this.helpdesk.tickets(), "issues", this.github.issues(), "slackMessages",
				this.slack.messages());
	}

}
