package dev.switchboard.issuesync.issuechange;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.issuesync.Bus;
import dev.switchboard.issuesync.Fixtures;
import dev.switchboard.issuesync.IssueSyncHarness;
import dev.switchboard.issuesync.IssueSyncIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fix-shipped notice: a GitHub {@code release} and a Jira {@code jira:version_released},
 * as the gateway publishes them, give each linked ticket one internal note with a reply
 * ready to send, however often the release is delivered.
 */
@IssueSyncIntegrationTest
class FixShippedIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	IssueSyncHarness harness;

	@Autowired
	JdbcClient jdbc;

	@InjectWireMock("github")
	WireMockServer github;

	@InjectWireMock("jira")
	WireMockServer jira;

	Bus bus;

	@BeforeEach
	void bus() {
		this.bus = this.harness.bus();
	}

	@Test
	void tellsEveryTicketOfAnIssueTheReleaseNotesOrItsPullRequestsReferenceOnce() {
		int base = IssueSyncHarness.number();
		int direct = base;
		int byUrl = base + 1;
		int byMergedPull = base + 2;
		int byReadPull = base + 3;
		int unrelated = base + 4;
		String ticketA = link(direct);
		String ticketB = link(direct);
		String ticketC = link(byUrl);
		String ticketD = link(byMergedPull);
		String ticketE = link(byReadPull);
		String ticketF = link(unrelated);
		// the merge of one pull request was seen; the other is read from GitHub
		InboundDelivery merged = IssueSyncHarness.github("pull_request",
				Fixtures.githubMergedPullRequest(base + 10, "Handles empty files.\n\nFixes #" + byMergedPull));
		this.bus.publish(merged);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(merged)).isTrue());
		this.github.stubFor(get(urlPathEqualTo("/repos/Codertocat/Hello-World/pulls/" + (base + 11)))
			.willReturn(okJson(Fixtures.githubPullRequest(base + 11, "Resolves #" + byReadPull + " for good."))));
		long releaseId = 90_000_000L + base;
		String notes = "## What's Changed\n" + "* Corrects the spelling (#" + direct + ")\n"
				+ "* Docs: see https://github.com/Codertocat/Hello-World/issues/" + byUrl + "\n"
				+ "* Handle empty files by @Codertocat in https://github.com/Codertocat/Hello-World/pull/" + (base + 10)
				+ "\n" + "* Retry uploads by @Codertocat in https://github.com/Codertocat/Hello-World/pull/"
				+ (base + 11) + "\n\n"
				+ "**Full Changelog**: https://github.com/Codertocat/Hello-World/compare/v4.1...v4.2";
		InboundDelivery published = IssueSyncHarness.github("release",
				Fixtures.githubRelease("published", releaseId, "v4.2", notes, "2026-11-24T16:05:00Z"));
		InboundDelivery released = IssueSyncHarness.github("release",
				Fixtures.githubRelease("released", releaseId, "v4.2", notes, "2026-11-24T16:05:00Z"));

		this.bus.publish(published);
		this.bus.publish(released);
		this.bus.publish(published);

		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(released)).isTrue());
		for (String ticket : List.of(ticketA, ticketB, ticketC, ticketD, ticketE)) {
			await().atMost(WAIT).untilAsserted(() -> assertThat(shippedNotes(ticket)).isNotEmpty());
		}
		for (String ticket : List.of(ticketA, ticketB, ticketC, ticketD, ticketE)) {
			assertOneNote(ticket);
		}
		assertThat(shippedNotes(ticketA).get(0).body())
			.startsWith("Fix shipped in version 4.2 (released November 24, 2026) for GitHub Codertocat/Hello-World#"
					+ direct + " \"Spelling error in the README file\".")
			.contains("Ready-to-send reply for the customer:\n\nThe fix for the problem you reported shipped in "
					+ "version 4.2 on November 24, 2026.")
			.endsWith("Release: https://github.com/Codertocat/Hello-World/releases/tag/v4.2");
		assertThat(shippedNotes(ticketE).get(0).body()).contains("Codertocat/Hello-World#" + byReadPull);
		assertThat(shippedNotes(ticketF)).isEmpty();

		// a later release naming the same issue tells nobody again
		InboundDelivery patch = IssueSyncHarness.github("release", Fixtures.githubRelease("published", releaseId + 1,
				"v4.2.1", "Backport of #" + direct, "2026-11-25T10:00:00Z"));
		this.bus.publish(patch);
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.harness.recorded(patch)).isTrue());
		assertOneNote(ticketA);
	}

	@Test
	void tellsTheTicketsOfTheJiraIssuesWhoseFixVersionWasReleasedOnce() {
		String id = Long.toString(50_000 + IssueSyncHarness.number());
		String key = "SUP-" + id;
		String versionId = Long.toString(10_000 + IssueSyncHarness.number());
		this.harness.stubJiraIssue(id, key);
		String ticket = IssueSyncHarness.ticket();
		this.harness.linkByNote(this.bus, ticket, this.jira.baseUrl() + "/browse/" + key);
		this.jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
			.withQueryParam("jql", equalTo("fixVersion = " + versionId + " order by id"))
			.willReturn(okJson(
					Fixtures.jiraSearch(Fixtures.jiraIssue(id, key), Fixtures.jiraIssue("1" + id, "SUP-1" + id)))));
		InboundDelivery released = IssueSyncHarness.jira("jira:version_released",
				Fixtures.jiraVersionReleased(versionId, "4.2", "2026-11-24", 1795968000000L));

		this.bus.publish(released);
		this.bus.publish(released);

		await().atMost(WAIT).untilAsserted(() -> assertThat(shippedNotes(ticket)).isNotEmpty());
		assertOneNote(ticket);
		assertThat(shippedNotes(ticket).get(0).body())
			.startsWith("Fix shipped in version 4.2 (released November 24, 2026) for Jira " + key
					+ " \"Export to CSV drops the last row\".")
			.contains("The fix for the problem you reported shipped in version 4.2 on November 24, 2026.")
			.endsWith("Release: " + this.jira.baseUrl() + "/projects/SUP/versions/" + versionId
					+ "/tab/release-report-all-issues");
	}

	private void assertOneNote(String ticket) {
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.bus.commandsFor(ticket)
				.stream()
				.filter((received) -> received.payload() instanceof AddInternalNote note
						&& note.body().startsWith("Fix shipped"))
				.map(Bus.Received::messageId)
				.distinct()).hasSize(1));
	}

	private String link(int number) {
		this.harness.stubGithubIssue(number, 800_000_000L + number, "closed", "completed", "2026-11-23T09:00:00Z");
		String ticket = IssueSyncHarness.ticket();
		this.harness.linkByNote(this.bus, ticket, IssueSyncHarness.issueUrl(number));
		return ticket;
	}

	private List<AddInternalNote> shippedNotes(String ticket) {
		return this.bus.commandsFor(ticket)
			.stream()
			.map(Bus.Received::payload)
			.filter(AddInternalNote.class::isInstance)
			.map(AddInternalNote.class::cast)
			.filter((note) -> note.body().startsWith("Fix shipped"))
			.toList();
	}

}
