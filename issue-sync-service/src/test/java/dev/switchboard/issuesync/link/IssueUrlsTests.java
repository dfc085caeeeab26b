package dev.switchboard.issuesync.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.IssueSyncProperties;
import dev.switchboard.issuesync.tracker.JiraIssueKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue URLs as agents paste them, and as an attacker would spell them: only one
 * canonical spelling per issue is accepted, so that nothing taken from a URL changes the
 * path of a request to GitHub or Jira.
 */
class IssueUrlsTests {

	private final IssueUrls urls = new IssueUrls(new IssueSyncProperties(
			new IssueSyncProperties.Github(URI.create("https://api.github.com"), null, List.of("github.com"),
					Duration.ofSeconds(5), Duration.ofSeconds(10)),
			new IssueSyncProperties.Jira(URI.create("https://acme.atlassian.net"), "bot@example.com", "token",
					Duration.ofSeconds(5), Duration.ofSeconds(10)),
			new IssueSyncProperties.Behaviour(true, true, false, false), new IssueSyncProperties.TicketField(null),
			Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofSeconds(30),
			Duration.ofSeconds(5)));

	@Test
	void recognisesGithubAndJiraIssueUrlsInTheirOrdinarySpellings() {
		assertThat(this.urls.parse("https://github.com/Codertocat/Hello-World/issues/42"))
			.contains(new GithubIssueNumber("Codertocat", "Hello-World", 42));
		assertThat(this.urls.parse("https://GitHub.com/octo-org/.github/issues/7/#issuecomment-1?x=%20"))
			.contains(new GithubIssueNumber("octo-org", ".github", 7));
		assertThat(this.urls.parse("http://github.com/o/r.js_x-y/issues/1?q=1"))
			.contains(new GithubIssueNumber("o", "r.js_x-y", 1));
		assertThat(this.urls.parse("https://acme.atlassian.net/browse/SUP_2-17"))
			.contains(new JiraIssueKey("SUP_2-17"));
		assertThat(this.urls.parse("https://acme.atlassian.net/browse/SUP-1/?focusedCommentId=10"))
			.contains(new JiraIssueKey("SUP-1"));
	}

	@Test
	void treatsUrlsOnOtherHostsOrWithoutAnIssueAsNoIssue() {
		assertThat(this.urls.parse("https://evil.com/o/r/issues/1")).isEmpty();
		assertThat(this.urls.parse("https://github.com.evil.com/o/r/issues/1")).isEmpty();
		assertThat(this.urls.parse("https://gitlab.com/o/r/-/issues/1")).isEmpty();
		assertThat(this.urls.parse("https://github.com/o/r/pull/1")).isEmpty();
		assertThat(this.urls.parse("https://github.com/o/r")).isEmpty();
		assertThat(this.urls.parse("ftp://github.com/o/r/issues/1")).isEmpty();
		assertThat(this.urls.parse("https://acme.atlassian.net/projects/SUP")).isEmpty();
		assertThat(this.urls.parse("https://acme.atlassian.net:8443/browse/SUP-1")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://github.com/o/r/issues/1/../../../users", "https://github.com/o/r/issues/1/..",
			"https://github.com/o/..%2F..%2Fuser/issues/1", "https://github.com/o/r/issues/1%2F..",
			"https://github.com/o/r/issues/%31", "https://github.com/o/r%2Fissues%2F1/issues/1",
			"https://github.com@evil.com/o/r/issues/1", "https://user:pass@github.com/o/r/issues/1",
			"https://github.com/../r/issues/1", "https://github.com/./r/issues/1", "https://github.com/o/../issues/1",
			"https://github.com/o/./issues/1", "https://github.com/o/r/./issues/1", "https://github.com//r/issues/1",
			"https://github.com/o//r/issues/1", "https://github.com/o/r/issues/-1", "https://github.com/o/r/issues/01",
			"https://github.com/o/r/issues/0", "https://github.com/o/r/issues/1234567890",
			"https://github.com/o/r/issues/1e3", "https://github.com/-o/r/issues/1",
			"https://github.com/o_o/r/issues/1", "https://github.com/o.o/r/issues/1",
			"https://github.com/oooooooooooooooooooooooooooooooooooooooo/r/issues/1",
			"https://github.com/o/rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr/issues/1",
			"https://github.com/o/r$/issues/1", "https://github.com:8443/o/r/issues/1",
			"https://github.com\\o\\r\\issues\\1", "https://github.com/o/r/issues/1\\..\\..\\users",
			"https://github.com/o/r/issues/1 2", "https://acme.atlassian.net/browse/ABC-1/../../x",
			"https://acme.atlassian.net/browse/ABC-1%2F..", "https://acme.atlassian.net/browse/ABC-1%2f..%2f..%2fx",
			"https://acme.atlassian.net/browse/../rest/api/3/x", "https://acme.atlassian.net/browse/abc-1",
			"https://acme.atlassian.net/browse/ABC-01", "https://acme.atlassian.net/browse/A-1",
			"https://acme.atlassian.net/browse/1ABC-1", "https://acme.atlassian.net/browse/ABC-1;x",
			"https://acme.atlassian.net//browse/ABC-1", "https://bot@acme.atlassian.net/browse/ABC-1" })
	void refusesSpellingsThatCouldChangeTheTrackersRequestPath(String url) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.urls.parse(url))
			.isInstanceOf(InvalidFieldException.class)
			.satisfies((ex) -> assertThat(((InvalidFieldException) ex).field()).isEqualTo("issueUrl"));
	}

	@Test
	void leavesRefusedUrlsOutOfANoteAndKeepsTheOthers() {
		List<IssueUrls.Mention> mentions = this.urls.findIn("see https://github.com/o/r/issues/1/../../../users, "
				+ "https://github.com@evil.com/o/r/issues/2 and https://github.com/o/r/issues/3.");

		assertThat(mentions).singleElement()
			.satisfies((mention) -> assertThat(mention.issue()).isEqualTo(new GithubIssueNumber("o", "r", 3)));
	}

	@Test
	void holdsGithubAndJiraLocatorsToTheirFormsWhereverTheyAreMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("..", "r", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("o", "..", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("o", ".", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("o/x", "r", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("o", "r/../x", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new GithubIssueNumber("o", "r", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> GithubIssueNumber.parse("o/r#01"));
		assertThatIllegalArgumentException().isThrownBy(() -> GithubIssueNumber.parse("o/../x#1"));
		assertThat(GithubIssueNumber.tryParse("../x#1")).isEmpty();
		assertThat(GithubIssueNumber.parse("octo-org/hello-world-npm#12"))
			.isEqualTo(new GithubIssueNumber("octo-org", "hello-world-npm", 12));
		assertThatIllegalArgumentException().isThrownBy(() -> new JiraIssueKey("SUP-1/../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new JiraIssueKey("SUP-1%2F.."));
		assertThatIllegalArgumentException().isThrownBy(() -> new JiraIssueKey("10001?x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new JiraIssueKey("sup-1"));
		assertThat(new JiraIssueKey("10001").key()).isEqualTo("10001");
	}

}
