package dev.switchboard.sandbox.teams;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdaptiveCardsTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsTheCardStatuspageFeedPostsIntoItsTitleFactsTextAndLink() throws IOException {
		CardView card = AdaptiveCards.fromMessage(resource("statuspage-feed-card.json"));

		assertThat(card.version()).isEqualTo("1.4");
		assertThat(card.body()).hasSize(3);
		assertThat(card.body().get(0))
			.isEqualTo(new CardView.Text("Elevated error rates on the public API", true, "Medium", false));
		assertThat(card.body().get(1)).isInstanceOfSatisfying(CardView.Facts.class, (facts) -> assertThat(facts.facts())
			.contains(new CardView.Fact("Status", "Identified"), new CardView.Fact("Components", "API")));
		assertThat(card.actions()).containsExactly(
				new CardView.Action("Open incident", "http://localhost:8090/statuspage/incidents/kx81hd02mzq7"));
		assertThat(card.summary()).isEqualTo("Elevated error rates on the public API – Identified");
	}

	@Test
	void laysOutColumnsAndKeepsElementsItDoesNotDrawByName() {
		JsonNode card = this.json.readTree("""
				{"type":"AdaptiveCard","version":"1.5","body":[
				  {"type":"ColumnSet","columns":[
				    {"type":"Column","items":[{"type":"Image","url":"https://example.com/logo.png","altText":"logo"}]},
				    {"type":"Column","items":[{"type":"TextBlock","text":"Right","isSubtle":true}]}]},
				  {"type":"Input.Text","id":"reply"}],
				 "actions":[{"type":"Action.Submit","title":"Send"}]}
				""");

		CardView view = AdaptiveCards.card(card);

		assertThat(view.body()).containsExactly(new CardView.Group(
				List.of(new CardView.Group(List.of(new CardView.Image("https://example.com/logo.png", "logo")), false),
						new CardView.Group(List.of(new CardView.Text("Right", false, "Default", true)), false)),
				true), new CardView.Unsupported("Input.Text"));
		assertThat(view.actions()).containsExactly(new CardView.Action("Send", null));
	}

	@Test
	void refusesAMessageWithoutAnAdaptiveCard() {
		assertThatIllegalArgumentException().isThrownBy(() -> AdaptiveCards
			.fromMessage(this.json.readTree("{\"type\":\"message\",\"text\":\"plain\",\"attachments\":[]}")));
	}

	private JsonNode resource(String name) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/teams/" + name)) {
			return this.json.readTree(in);
		}
	}

}
