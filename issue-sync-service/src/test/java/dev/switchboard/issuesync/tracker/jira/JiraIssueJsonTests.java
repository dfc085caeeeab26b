package dev.switchboard.issuesync.tracker.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comment bodies as webhooks (wiki markup) and REST v3 (Atlassian Document) send them.
 */
class JiraIssueJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsAWebhookCommentBodyAsItIs() {
		assertThat(JiraIssueJson.plainText(this.json.readTree("\"Fixed in *4.2*\""))).isEqualTo("Fixed in *4.2*");
	}

	@Test
	void readsTheTextOfAnAtlassianDocumentAParagraphALine() {
		String document = """
				{"type": "doc", "version": 1, "content": [
				  {"type": "paragraph", "content": [
				    {"type": "text", "text": "Reproduced on "},
				    {"type": "text", "text": "4.2", "marks": [{"type": "strong"}]}]},
				  {"type": "paragraph", "content": [{"type": "text", "text": "Fix ships Thursday."}]}]}
				""";

		assertThat(JiraIssueJson.plainText(this.json.readTree(document)))
			.isEqualTo("Reproduced on 4.2\nFix ships Thursday.");
	}

	@Test
	void refusesACommentWithoutText() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JiraIssueJson.plainText(this.json.readTree("{\"type\": \"doc\", \"content\": []}")));
	}

}
