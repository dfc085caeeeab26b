package dev.switchboard.sandbox.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.guacamole.GuacamoleServer;
import dev.switchboard.sandbox.jira.JiraSite;
import dev.switchboard.sandbox.slack.Workspace;
import dev.switchboard.sandbox.statuspage.StatusPage;
import dev.switchboard.sandbox.story.Story;
import dev.switchboard.sandbox.story.StoryLog;
import dev.switchboard.sandbox.teamviewer.RemoteSupport;
import dev.switchboard.sandbox.teams.TeamsChannels;
import dev.switchboard.sandbox.twilio.PhoneSystem;
import dev.switchboard.sandbox.webhook.SandboxProperties;
import dev.switchboard.sandbox.zendesk.Helpdesk;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The simulated world as its users would see it: the page at {@code /} (tickets with
 * their conversation and internal notes, the status page, Slack channels as threads,
 * Teams cards rendered from their Adaptive Card JSON, GitHub and Jira issues with
 * comments and labels, calls, TeamViewer sessions and Guacamole connections, the stories'
 * narration, and buttons that play a story or a step), {@code /sandbox/world}, the part
 * the page reloads every two seconds, and the same state as JSON at
 * {@code /sandbox/state}.
 */
@Controller
class WorldController {

	private static final Formats FORMATS = new Formats();

	private final Helpdesk helpdesk;

	private final IssueTracker github;

	private final JiraSite jira;

	private final String jiraSite;

	private final Workspace slack;

	private final StatusPage statusPage;

	private final TeamsChannels teams;

	private final PhoneSystem phones;

	private final RemoteSupport teamviewer;

	private final GuacamoleServer guacamole;

	private final StoryLog log;

	private final List<Story> stories;

	private final ConsoleLinks console;

	WorldController(Helpdesk helpdesk, IssueTracker github, JiraSite jira, Workspace slack, StatusPage statusPage,
			TeamsChannels teams, PhoneSystem phones, RemoteSupport teamviewer, GuacamoleServer guacamole, StoryLog log,
			List<Story> stories, SandboxProperties properties) {
		this.helpdesk = helpdesk;
		this.github = github;
		this.jira = jira;
		this.jiraSite = properties.link("/jira");
		this.slack = slack;
		this.statusPage = statusPage;
		this.teams = teams;
		this.phones = phones;
		this.teamviewer = teamviewer;
		this.guacamole = guacamole;
		this.log = log;
		// in the order of their titles, which number them
		this.stories = stories.stream().sorted(java.util.Comparator.comparing(Story::title)).toList();
		this.console = new ConsoleLinks(properties);
	}

	@GetMapping("/")
	String page(Model model) {
		world(model);
		model.addAttribute("stories", this.stories);
		return "world";
	}

	@GetMapping("/sandbox/world")
	String fragment(Model model) {
		world(model);
		return "world :: world";
	}

	@GetMapping(path = "/sandbox/state", produces = "application/json")
	@ResponseBody
	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("tickets", this.helpdesk.tickets());
		state.put("issues", this.github.issues());
		state.put("jiraIssues", this.jira.issues());
		state.put("slackMessages", this.slack.messages());
		state.put("slackChannels", this.slack.channels());
		state.put("statusPage", this.statusPage.incidents());
		state.put("teamsPosts", this.teams.posts());
		state.put("calls", this.phones.calls());
		state.put("remoteSessions", this.teamviewer.sessions());
		state.put("guacamoleConnections", this.guacamole.connections());
		state.put("guacamoleRefusals", this.guacamole.refusals());
		state.put("narration", this.log.lines());
		return state;
	}

	private void world(Model model) {
		model.addAttribute("tickets", this.helpdesk.tickets().reversed());
		model.addAttribute("names", this.helpdesk.userNames());
		model.addAttribute("issues", this.github.issues().reversed());
		model.addAttribute("jiraIssues", this.jira.issues().reversed());
		model.addAttribute("jiraSite", this.jiraSite);
		model.addAttribute("slackChannels", SlackChannelView.of(this.slack.channels(), this.slack.messages()));
		model.addAttribute("incidents", this.statusPage.incidents());
		model.addAttribute("teamsChannels", this.teams.byChannel());
		model.addAttribute("calls", this.phones.calls().reversed());
		model.addAttribute("sessions", this.teamviewer.sessions().reversed());
		model.addAttribute("guacamoleConnections", this.guacamole.connections().reversed());
		model.addAttribute("guacamoleRefusals", this.guacamole.refusals());
		model.addAttribute("narration", this.log.lines());
		model.addAttribute("console", this.console);
		model.addAttribute("fmt", FORMATS);
		model.addAttribute("pageName", StatusPage.NAME);
	}

}
