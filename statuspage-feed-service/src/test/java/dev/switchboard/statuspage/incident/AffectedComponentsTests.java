package dev.switchboard.statuspage.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

class AffectedComponentsTests {

	@Test
	void readsTwoNamesJoinedByAnd() {
		assertThat(AffectedComponents.in("<p>This incident affected: API and Dashboard.</p>")).containsExactly("API",
				"Dashboard");
	}

	@Test
	void readsOneName() {
		assertThat(AffectedComponents.in("<p>This incident affected: Copilot AI Model Providers.</p>"))
			.containsExactly("Copilot AI Model Providers");
	}

	@Test
	void readsSeveralNamesJoinedByCommasAndALastAnd() {
		assertThat(AffectedComponents.in("<p>This incident affected: Git Operations, Webhooks, API Requests, "
				+ "Issues, Pull Requests, Actions, Pages, and Copilot.</p>"))
			.containsExactly("Git Operations", "Webhooks", "API Requests", "Issues", "Pull Requests", "Actions",
					"Pages", "Copilot");
	}

	@Test
	void readsAListWithoutTheSerialComma() {
		assertThat(AffectedComponents.in("<p>This incident affected: API, Dashboard and Billing API.</p>"))
			.containsExactly("API", "Dashboard and Billing API");
	}

	@Test
	void readsTheSentenceOfAMaintenance() {
		assertThat(AffectedComponents.in("<p>This scheduled maintenance affected: DNS control plane.</p>"))
			.containsExactly("DNS control plane");
	}

	@Test
	void readsNamesWithEntitiesAndMarkup() {
		assertThat(AffectedComponents
			.in("<p><strong>This incident affected:</strong> Sign-in &amp; SSO (EU) and Search.</p>"))
			.containsExactly("Sign-in & SSO (EU)", "Search");
	}

	@Test
	void readsNothingFromAnEntryThatNamesNoComponents() {
		assertThat(AffectedComponents.in("<p><small>Nov <var data-var='date'>23</var></small><br>"
				+ "<strong>Investigating</strong> - This incident affects our API.</p>"))
			.isNull();
	}

	@Test
	void dropsTheSentenceFromTheText() {
		assertThat(StatusTrail.text(AffectedComponents
			.without("We are investigating.</p><p>This incident affected: API and Dashboard.</p>")))
			.isEqualTo("We are investigating.");
	}

	@Test
	void matchesAFilterNameIgnoringCase() {
		assertThat(AffectedComponents.names(List.of("API", "Dashboard"), "dashboard")).isTrue();
		assertThat(AffectedComponents.names(List.of("API", "Dashboard"), "Billing API")).isFalse();
	}

	@Test
	void matchesANameThatContainsAndAlthoughTheSentenceSplitIt() {
		List<String> read = Objects.requireNonNull(
				AffectedComponents.in("<p>This incident affected: Search and Discovery and API.</p>"),
				"the fragment has the sentence");

		assertThat(read).containsExactly("Search", "Discovery", "API");
		assertThat(AffectedComponents.names(read, "Search and Discovery")).isTrue();
		assertThat(AffectedComponents.names(read, "API")).isTrue();
		assertThat(AffectedComponents.names(read, "Discovery and Billing")).isFalse();
	}

}
