package dev.switchboard.issuesync.link;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import dev.switchboard.issuesync.tracker.GithubIssueNumber;
import dev.switchboard.issuesync.tracker.JiraIssueKey;
import dev.switchboard.issuesync.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report on the issue: one summary comment created once and edited in place, and the
 * {@code customer-reported} label.
 */
@IssueSyncIntegrationTest
class ReportIntegrationTests {

	@Autowired
	Linking linking;

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	@Test
	void writesOneSummaryCommentPerIssueEditsItWhenLinksChangeAndDropsTheLabelAtZero() {
		int number = IssueSyncHarness.number();
		String issuePath = IssueSyncHarness.issuePath(number);
		this.github.stubFor(get(urlPathEqualTo(issuePath)).willReturn(okJson(Fixtures
			.json(Fixtures.githubIssue(600_000_000L + number, number, "open", null, "2026-11-23T09:00:00Z")))));
		ObjectNode comment = (ObjectNode) Fixtures.load("github/issue_comment-created.json").get("comment");
		comment.put("id", 5_000_000L + number);
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/comments")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withBody(Fixtures.json(comment))));
		this.github.stubFor(post(urlPathEqualTo(issuePath + "/labels"))
			.willReturn(okJson("[{\"id\":208045946,\"name\":\"customer-reported\",\"color\":\"f29513\"}]")));
		this.github
			.stubFor(patch(urlPathEqualTo("/repos/Codertocat/Hello-World/issues/comments/" + (5_000_000L + number)))
				.willReturn(okJson(Fixtures.json(comment))));
		GithubIssueNumber issue = new GithubIssueNumber("Codertocat", "Hello-World", number);
		List<String> tickets = List.of("71" + number, "72" + number);
		for (String ticket : tickets) {
			this.linking.link(ticket, issue, new Cause("test|" + ticket, "corr-report", Instant.now()));
		}

		this.reports.writeDue(1_000);

		this.github.verify(1, postRequestedFor(urlPathEqualTo(issuePath + "/comments")).withRequestBody(containing(
				"Reported in 2 customer conversations (tickets " + tickets.get(0) + ", " + tickets.get(1) + ")")));
		this.github.verify(1, postRequestedFor(urlPathEqualTo(issuePath + "/labels"))
			.withRequestBody(equalToJson("{\"labels\":[\"customer-reported\"]}")));
		this.github.stubFor(delete(urlPathEqualTo(issuePath + "/labels/customer-reported")).willReturn(okJson("[]")));

		java.util.UUID link = Link.idOf(tickets.get(0), Tracker.GITHUB, Long.toString(600_000_000L + number));
		this.linking.remove(link, new Cause("test-remove|" + link, "corr-report", Instant.now()));
		this.reports.writeDue(1_000);

		this.github.verify(1,
				patchRequestedFor(
						urlPathEqualTo("/repos/Codertocat/Hello-World/issues/comments/" + (5_000_000L + number)))
					.withRequestBody(
							containing("Reported in 1 customer conversation (tickets " + tickets.get(1) + ")")));
		this.github.verify(1, postRequestedFor(urlPathEqualTo(issuePath + "/comments")));

		java.util.UUID last = Link.idOf(tickets.get(1), Tracker.GITHUB, Long.toString(600_000_000L + number));
		this.linking.remove(last, new Cause("test-remove|" + last, "corr-report", Instant.now()));
		this.reports.writeDue(1_000);

		this.github.verify(1,
				patchRequestedFor(
						urlPathEqualTo("/repos/Codertocat/Hello-World/issues/comments/" + (5_000_000L + number)))
					.withRequestBody(containing("Reported in 0 customer conversations.")));
		this.github.verify(1, deleteRequestedFor(urlPathEqualTo(issuePath + "/labels/customer-reported")));
		assertThat(this.jdbc.sql("select report_dirty from tracked_issue where tracker = 'github' and issue_id = ?")
			.params(Long.toString(600_000_000L + number))
			.query(Boolean.class)
			.single()).isFalse();
	}

	@Test
	void writesTheJiraReportAsAnAtlassianDocumentAndLabelsTheIssue() {
		String id = Long.toString(40_000 + IssueSyncHarness.number());
		String key = "REP-" + id;
		this.jira.stubFor(get(urlPathEqualTo("/rest/api/3/issue/" + key))
			.willReturn(okJson(Fixtures.json(Fixtures.jiraIssue(id, key)))));
		this.jira
			.stubFor(post(urlPathEqualTo("/rest/api/3/issue/" + id + "/comment")).willReturn(aResponse().withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"self\":\"https://example.atlassian.net/rest/api/3/issue/" + id
						+ "/comment/10100\",\"id\":\"10100\",\"jsdPublic\":true}")));
		this.jira.stubFor(put(urlPathEqualTo("/rest/api/3/issue/" + id)).willReturn(aResponse().withStatus(204)));
		this.linking.link("81" + id, new JiraIssueKey(key), new Cause("test|jira|" + id, "corr-report", Instant.now()));

		this.reports.writeDue(1_000);

		this.jira.verify(1,
				postRequestedFor(urlPathEqualTo("/rest/api/3/issue/" + id + "/comment"))
					.withHeader("Authorization",
							equalTo("Basic " + java.util.Base64.getEncoder()
								.encodeToString("bot@example.com:jira-test-token"
									.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
					.withRequestBody(matchingJsonPath("$.body.type", equalTo("doc")))
					.withRequestBody(containing("Reported in 1 customer conversation (tickets 81" + id + ")")));
		this.jira.verify(1, putRequestedFor(urlPathEqualTo("/rest/api/3/issue/" + id))
			.withRequestBody(equalToJson("{\"update\":{\"labels\":[{\"add\":\"customer-reported\"}]}}")));
	}

}
