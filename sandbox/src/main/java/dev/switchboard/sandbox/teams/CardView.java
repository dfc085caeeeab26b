package dev.switchboard.sandbox.teams;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An Adaptive Card as a Teams channel renders it: body elements and actions, read from
 * the card's JSON by {@link AdaptiveCards}.
 */
public record CardView(String version, List<Element> body, List<Action> actions) {

	public CardView {
		body = List.copyOf(body);
		actions = List.copyOf(actions);
	}

	/**
	 * The card in a line: its first text, and the value of a fact titled Status if it has
	 * one.
	 */
	public String summary() {
		String text = this.body.stream()
			.filter(Text.class::isInstance)
			.map((element) -> ((Text) element).text())
			.findFirst()
			.orElse("(no text)");
		return this.body.stream()
			.filter(Facts.class::isInstance)
			.flatMap((element) -> ((Facts) element).facts().stream())
			.filter((fact) -> fact.title().equalsIgnoreCase("Status"))
			.map((fact) -> text + " – " + fact.value())
			.findFirst()
			.orElse(text);
	}

	/** The elements the sandbox renders; anything else is shown as unsupported. */
	public sealed interface Element {

		/** The template fragment that draws it. */
		default String kind() {
			return switch (this) {
				case Text text -> "text";
				case Facts facts -> "facts";
				case Image image -> "image";
				case Group group -> "group";
				case Unsupported unsupported -> "unsupported";
			};
		}

	}

	/** {@code TextBlock}: {@code weight} Bolder, {@code size} Small…ExtraLarge. */
	public record Text(String text, boolean bold, String size, boolean subtle) implements Element {
	}

	/** {@code FactSet}. */
	public record Facts(List<Fact> facts) implements Element {

		public Facts {
			facts = List.copyOf(facts);
		}

	}

	public record Fact(String title, String value) {
	}

	/** {@code Image}. */
	public record Image(String url, String altText) implements Element {
	}

	/**
	 * {@code Container}, {@code ColumnSet} and its {@code Column}s: their items in order;
	 * {@code columns} lays them side by side.
	 */
	public record Group(List<Element> items, boolean columns) implements Element {

		public Group {
			items = List.copyOf(items);
		}

	}

	/** An element type the sandbox does not draw. */
	public record Unsupported(String type) implements Element {
	}

	/** {@code Action.OpenUrl} (a link), or another action type by its title only. */
	public record Action(String title, @Nullable String url) {
	}

}
