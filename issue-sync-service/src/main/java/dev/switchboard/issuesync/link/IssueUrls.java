package dev.switchboard.issuesync.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.JiraIssueKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Recognises issue URLs: GitHub {@code /{owner}/{repo}/issues/{n}} on
 * {@code issue-sync.github.web-hosts}; Jira {@code /browse/{KEY-n}} on the configured
 * Jira site only. A URL on another host is no issue URL (empty). A URL on one of those
 * hosts that spells its way around the rules is refused ({@link InvalidFieldException}
 * for {@code issueUrl}): user information ({@code github.com@evil.com}), another port, a
 * backslash, percent-encoding in the path (encoded separators or dots), dot segments or
 * empty segments, an owner, repository, number or key out of its form (e.g.
 * {@code /issues/01}, {@code /issues/-1}). What is accepted is one canonical spelling per
 * issue, so that nothing taken from it can change the path of a request to GitHub or
 * Jira.
 */
@Component
public class IssueUrls {

	private static final Logger log = LoggerFactory.getLogger(IssueUrls.class);

	private static final String FIELD = "issueUrl";

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");

	/** Anything in the places of owner, repository and number: refused unless strict. */
	private static final Pattern GITHUB_ISSUE_PATH = Pattern.compile("/([^/]+)/([^/]+)/issues/([^/]+)/?");

	private static final Pattern GITHUB_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

	private static final Pattern JIRA_BROWSE_PATH = Pattern.compile("/browse/([^/]+)/?");

	private final Set<String> githubHosts;

	private final IssueSyncProperties.Jira jira;

	public IssueUrls(IssueSyncProperties properties) {
		this.githubHosts = Set
			.copyOf(properties.github().webHosts().stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList());
		this.jira = properties.jira();
	}

	/**
	 * Every distinct issue in a note, in order, with the URL as written; URLs that are
	 * refused are left out.
	 */
	public List<Mention> findIn(String text) {
		Map<IssueLocator, String> found = new LinkedHashMap<>();
		Matcher matcher = URL.matcher(text);
		while (matcher.find()) {
			String url = trimPunctuation(matcher.group());
			try {
				parse(url).ifPresent((issue) -> found.putIfAbsent(issue, url));
			}
			catch (InvalidFieldException ex) {
				log.info("An issue URL in a note was refused: {}", ex.getMessage());
			}
		}
		List<Mention> mentions = new ArrayList<>();
		found.forEach((issue, url) -> mentions.add(new Mention(url, issue)));
		return mentions;
	}

	/**
	 * @return the issue, or empty when the URL is on no configured GitHub host or Jira
	 * site (or names no issue there)
	 * @throws InvalidFieldException when the URL is on such a host but spelled out of
	 * form
	 */
	public Optional<IssueLocator> parse(String url) {
		String text = url.strip();
		if (text.indexOf('\\') >= 0) {
			throw refused("contains a backslash");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw refused("is not a URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			return Optional.empty();
		}
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			throw refused("carries user information ('@' before the host)");
		}
		if (uri.getHost() == null || uri.getRawPath() == null) {
			throw refused("names no host or path");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (this.githubHosts.contains(host)) {
			if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
				throw refused("names a port");
			}
			return github(checkedPath(uri.getRawPath()));
		}
		return jira(uri);
	}

	private Optional<IssueLocator> github(String path) {
		Matcher github = GITHUB_ISSUE_PATH.matcher(path);
		if (!github.matches()) {
			return Optional.empty();
		}
		if (!GithubIssueNumber.validOwner(github.group(1))) {
			throw refused("names no GitHub owner (letters, digits and '-', at most 39)");
		}
		if (!GithubIssueNumber.validRepo(github.group(2))) {
			throw refused("names no GitHub repository (letters, digits, '.', '_' and '-', at most 100)");
		}
		if (!GITHUB_NUMBER.matcher(github.group(3)).matches()) {
			throw refused("names no GitHub issue number (digits without leading zeros)");
		}
		return Optional.of(new GithubIssueNumber(github.group(1), github.group(2), Integer.parseInt(github.group(3))));
	}

	private Optional<IssueLocator> jira(URI uri) {
		if (!this.jira.enabled() || this.jira.baseUrl() == null) {
			return Optional.empty();
		}
		URI site = this.jira.baseUrl();
		if (site.getHost() == null || !site.getHost().equalsIgnoreCase(uri.getHost())
				|| site.getPort() != uri.getPort()) {
			return Optional.empty();
		}
		String path = checkedPath(uri.getRawPath());
		String sitePath = (site.getRawPath() != null) ? site.getRawPath().replaceAll("/+$", "") : "";
		if (!path.startsWith(sitePath + "/")) {
			return Optional.empty();
		}
		Matcher browse = JIRA_BROWSE_PATH.matcher(path.substring(sitePath.length()));
		if (!browse.matches()) {
			return Optional.empty();
		}
		if (!JiraIssueKey.validKey(browse.group(1))) {
			throw refused("names no Jira issue key (KEY-1)");
		}
		return Optional.of(new JiraIssueKey(browse.group(1)));
	}

	/**
	 * A path as a server would see it before any decoding or normalising: no
	 * percent-encoding, no {@code .} or {@code ..} segments, no empty segments.
	 */
	private static String checkedPath(String rawPath) {
		if (rawPath.indexOf('%') >= 0) {
			throw refused("percent-encodes its path");
		}
		String[] segments = rawPath.split("/", -1);
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i];
			if (segment.equals(".") || segment.equals("..")) {
				throw refused("has a dot segment in its path");
			}
			if (segment.isEmpty() && i < segments.length - 1) {
				throw refused("has an empty segment in its path");
			}
		}
		return rawPath;
	}

	private static int defaultPort(String scheme) {
		return scheme.equals("https") ? 443 : 80;
	}

	private static InvalidFieldException refused(String problem) {
		return new InvalidFieldException(FIELD, problem);
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
