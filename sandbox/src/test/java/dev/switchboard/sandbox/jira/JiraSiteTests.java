package dev.switchboard.sandbox.jira;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.switchboard.sandbox.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JiraSiteTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));

	private final JiraSite site = new JiraSite(this.clock);

	@Test
	void movingAnIssueChangesItsKeyButNeverItsIdAndItsOldKeyStillFindsIt() {
		this.site.create("ENG", "Already there");
		JiraIssue issue = this.site.create("SUP", "Exports stall");

		this.clock.advance(Duration.ofSeconds(5));
		JiraIssue moved = this.site.move(issue.id(), "ENG");

		assertThat(issue.key()).isEqualTo("SUP-1");
		assertThat(moved.key()).as("numbered after ENG's own issues").isEqualTo("ENG-2");
		assertThat(moved.id()).isEqualTo(issue.id());
		assertThat(moved.formerKeys()).containsExactly("SUP-1");
		assertThat(moved.updatedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:05Z"));
		assertThat(this.site.issue("SUP-1")).hasValueSatisfying((found) -> assertThat(found.key()).isEqualTo("ENG-2"));
		assertThat(this.site.issue(Long.toString(issue.id())))
			.hasValueSatisfying((found) -> assertThat(found.key()).isEqualTo("ENG-2"));
		assertThat(this.site.issue("SUP-2")).isEmpty();
	}

	@Test
	void doneResolvesTheIssueAndAnyOtherStatusUnresolvesIt() {
		JiraIssue issue = this.site.create("SUP", "Exports stall");

		JiraIssue done = this.site.transition(issue.id(), JiraIssue.Status.DONE);
		JiraIssue reopened = this.site.transition(issue.id(), JiraIssue.Status.IN_PROGRESS);

		assertThat(issue.status().categoryKey()).isEqualTo("new");
		assertThat(done.status().categoryKey()).isEqualTo("done");
		assertThat(done.resolution()).isEqualTo("Done");
		assertThat(reopened.status().categoryKey()).isEqualTo("indeterminate");
		assertThat(reopened.resolution()).isNull();
	}

	@Test
	void keepsCommentEditsUnderTheirIdAndLabelsAsASet() {
		JiraIssue issue = this.site.create("SUP", "Exports stall");
		long id = this.site.comment(issue.key(), "Reported in 1 conversation").orElseThrow().id();

		this.site.editComment(issue.key(), id, "Reported in 2 conversations");
		this.site.updateLabels(issue.key(), List.of("support", "support"), List.of());
		this.site.updateLabels(issue.key(), List.of("customer-impact"), List.of("support"));

		JiraIssue now = this.site.issue(issue.key()).orElseThrow();
		assertThat(now.comments()).singleElement().satisfies((comment) -> {
			assertThat(comment.id()).isEqualTo(id);
			assertThat(comment.text()).isEqualTo("Reported in 2 conversations");
		});
		assertThat(now.labels()).containsExactly("customer-impact");
		assertThat(this.site.editComment(issue.key(), id + 1, "x")).isEmpty();
	}

	@Test
	void refusesWhatIsNoProjectKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.site.create("sup", "lower case"));
	}

}
