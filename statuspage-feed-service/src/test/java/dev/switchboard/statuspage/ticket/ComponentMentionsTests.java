package dev.switchboard.statuspage.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ComponentMentionsTests {

	@Test
	void findsANameAsAWholeWordIgnoringCaseAndBlanks() {
		assertThat(ComponentMentions.mentions("The API fails since 10:00", "API")).isTrue();
		assertThat(ComponentMentions.mentions("our REST-API returns 502", "API")).isTrue();
		assertThat(ComponentMentions.mentions("billing   api is slow", "Billing API")).isTrue();
		assertThat(ComponentMentions.mentions("Änderungen im Kundenportal", "kundenportal")).isTrue();
		assertThat(ComponentMentions.mentions("(Dashboard)", "Dashboard")).isTrue();
	}

	@Test
	void doesNotFindANameInsideAnotherWord() {
		assertThat(ComponentMentions.mentions("a rapid answer please", "API")).isFalse();
		assertThat(ComponentMentions.mentions("apis are great", "API")).isFalse();
		assertThat(ComponentMentions.mentions("Dashboards", "Dashboard")).isFalse();
		assertThat(ComponentMentions.mentions("api_key rotated", "API")).isFalse();
		assertThat(ComponentMentions.mentions("Billing is fine, the API too", "Billing API")).isFalse();
	}

	@Test
	void quotesNamesThatLookLikePatterns() {
		assertThat(ComponentMentions.mentions("api.example.com is down", "api.example.com")).isTrue();
		assertThat(ComponentMentions.mentions("apixexample.com is down", "api.example.com")).isFalse();
		assertThat(ComponentMentions.firstIn("C++ SDK crashes", List.of("Java SDK", "C++ SDK"))).contains("C++ SDK");
	}

}
