package dev.switchboard.sandbox.teams;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads an Adaptive Card's JSON into what a channel shows: {@code TextBlock},
 * {@code FactSet}, {@code Image}, {@code Container}, {@code ColumnSet}/{@code Column},
 * and {@code Action.OpenUrl}; other element types are kept by name as unsupported, so a
 * card is never silently cut.
 */
public final class AdaptiveCards {

	public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

	private AdaptiveCards() {
	}

	/**
	 * The card of a Workflows message ({@code {type: message, attachments: [{contentType,
	 * content}]}}).
	 * @throws IllegalArgumentException when the message carries no Adaptive Card
	 */
	public static CardView fromMessage(JsonNode message) {
		for (JsonNode attachment : message.path("attachments")) {
			if (CONTENT_TYPE.equals(attachment.path("contentType").asString(""))
					&& "AdaptiveCard".equals(attachment.path("content").path("type").asString(""))) {
				return card(attachment.path("content"));
			}
		}
		throw new IllegalArgumentException("the message has no attachment of type " + CONTENT_TYPE);
	}

	public static CardView card(JsonNode card) {
		List<CardView.Action> actions = new ArrayList<>();
		for (JsonNode action : card.path("actions")) {
			String title = action.path("title").asString("Open");
			actions.add(new CardView.Action(title, "Action.OpenUrl".equals(action.path("type").asString(""))
					? action.path("url").asString(null) : null));
		}
		return new CardView(card.path("version").asString("1.0"), elements(card.path("body")), actions);
	}

	private static List<CardView.Element> elements(JsonNode items) {
		List<CardView.Element> elements = new ArrayList<>();
		for (JsonNode item : items) {
			elements.add(element(item));
		}
		return elements;
	}

	private static CardView.Element element(JsonNode item) {
		String type = item.path("type").asString("");
		return switch (type) {
			case "TextBlock" -> new CardView.Text(item.path("text").asString(""),
					"Bolder".equalsIgnoreCase(item.path("weight").asString("")), item.path("size").asString("Default"),
					item.path("isSubtle").asBoolean(false));
			case "FactSet" -> new CardView.Facts(item.path("facts")
				.valueStream()
				.map((fact) -> new CardView.Fact(fact.path("title").asString(""), fact.path("value").asString("")))
				.toList());
			case "Image" -> new CardView.Image(item.path("url").asString(""), item.path("altText").asString(""));
			case "Container", "Column" -> new CardView.Group(elements(item.path("items")), false);
			case "ColumnSet" -> new CardView.Group(elements(item.path("columns")), true);
			default -> new CardView.Unsupported(type.isEmpty() ? "(no type)" : type);
		};
	}

}
