package dev.switchboard.issuesync.link;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Recognises issue URLs: GitHub {@code /{owner}/{repo}/issues/{n}} on
 * {@code issue-sync.github.web-hosts}; Jira {@code /browse/{KEY-n}} on the configured
 * Jira site only.
 */
@Component
public class IssueUrls {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");

	private static final Pattern GITHUB_PATH = Pattern
		.compile("/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/issues/([0-9]{1,9})/?(?:[#?].*)?");

	private static final Pattern JIRA_PATH = Pattern.compile("/browse/([A-Z][A-Z0-9_]*-[0-9]{1,9})/?(?:[#?].*)?");

	private final Set<String> githubHosts;

	private final IssueSyncProperties.Jira jira;

	public IssueUrls(IssueSyncProperties properties) {
		this.githubHosts = Set
			.copyOf(properties.github().webHosts().stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList());
		this.jira = properties.jira();
	}

	/** Every distinct issue in a note, in order, with the URL as written. */
	public List<Mention> findIn(String text) {
		Map<IssueLocator, String> found = new LinkedHashMap<>();
		Matcher matcher = URL.matcher(text);
		while (matcher.find()) {
			String url = trimPunctuation(matcher.group());
			parse(url).ifPresent((issue) -> found.putIfAbsent(issue, url));
		}
		List<Mention> mentions = new ArrayList<>();
		found.forEach((issue, url) -> mentions.add(new Mention(url, issue)));
		return mentions;
	}

	public Optional<IssueLocator> parse(String url) {
		URI uri;
		try {
			uri = URI.create(url.trim());
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (uri.getHost() == null || uri.getRawPath() == null) {
			return Optional.empty();
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		String rest = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		if (this.githubHosts.contains(host)) {
			Matcher github = GITHUB_PATH.matcher(rest);
			if (github.matches()) {
				return Optional
					.of(new GithubIssueNumber(github.group(1), github.group(2), Integer.parseInt(github.group(3))));
			}
		}
		return jiraKey(uri);
	}

	private Optional<IssueLocator> jiraKey(URI uri) {
		if (!this.jira.enabled() || this.jira.baseUrl() == null) {
			return Optional.empty();
		}
		URI site = this.jira.baseUrl();
		String sitePath = (site.getRawPath() != null) ? site.getRawPath().replaceAll("/+$", "") : "";
		boolean sameSite = site.getHost() != null && site.getHost().equalsIgnoreCase(uri.getHost())
				&& site.getPort() == uri.getPort() && uri.getRawPath().startsWith(sitePath + "/browse/");
		if (!sameSite) {
			return Optional.empty();
		}
		Matcher jiraPath = JIRA_PATH.matcher(uri.getRawPath().substring(sitePath.length()));
		return jiraPath.matches() ? Optional.of(new JiraIssueKey(jiraPath.group(1))) : Optional.empty();
	}

	private static String trimPunctuation(String url) {
		String trimmed = url;
		while (!trimmed.isEmpty() && ".,;:!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	/** An issue URL found in a text. */
	public record Mention(String url, IssueLocator issue) {
	}

}
