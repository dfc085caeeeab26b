package dev.switchboard.helpdeskapp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The part of JSON Schema that the manifest's schema uses ({@code type},
 * {@code required}, {@code properties}, {@code additionalProperties: false},
 * {@code enum}, {@code const}, {@code pattern}, {@code minLength}, {@code items},
 * {@code minItems}, {@code minProperties}, local {@code $ref}): a schema keyword it does
 * not know fails, so the schema cannot say more than is checked.
 */
final class SchemaCheck {

	private static final List<String> KNOWN = List.of("$comment", "type", "required", "properties",
			"additionalProperties", "enum", "const", "pattern", "minLength", "items", "minItems", "minProperties",
			"$ref", "definitions");

	private final JsonNode root;

	private final List<String> problems = new ArrayList<>();

	private SchemaCheck(JsonNode root) {
		this.root = root;
	}

	/** Every way the document breaks the schema, one line each (empty: it conforms). */
	static List<String> problems(JsonNode schema, JsonNode document) {
		SchemaCheck check = new SchemaCheck(schema);
		check.check(schema, document, "$");
		return check.problems;
	}

	private void check(JsonNode schema, JsonNode value, String at) {
		schema.propertyNames().forEach((keyword) -> {
			if (!KNOWN.contains(keyword)) {
				throw new IllegalArgumentException("schema keyword not checked: " + keyword + " at " + at);
			}
		});
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").asString();
			check(this.root.at(ref.substring(1)), value, at);
			return;
		}
		if (schema.has("type") && !typeMatches(schema.get("type").asString(), value)) {
			this.problems.add(at + ": not a " + schema.get("type").asString());
			return;
		}
		if (schema.has("const") && !schema.get("const").equals(value)) {
			this.problems.add(at + ": must be " + schema.get("const"));
		}
		if (schema.has("enum")) {
			boolean listed = false;
			for (JsonNode allowed : schema.get("enum")) {
				listed |= allowed.equals(value);
			}
			if (!listed) {
				this.problems.add(at + ": " + value + " is none of " + schema.get("enum"));
			}
		}
		if (value.isString()) {
			if (schema.has("pattern")
					&& !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
				this.problems
					.add(at + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
			}
			if (schema.has("minLength") && value.asString().length() < schema.get("minLength").asInt()) {
				this.problems.add(at + ": shorter than " + schema.get("minLength").asInt());
			}
		}
		if (value.isArray()) {
			if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
				this.problems.add(at + ": fewer than " + schema.get("minItems").asInt() + " items");
			}
			if (schema.has("items")) {
				for (int i = 0; i < value.size(); i++) {
					check(schema.get("items"), value.get(i), at + "[" + i + "]");
				}
			}
		}
		if (value.isObject()) {
			checkObject(schema, value, at);
		}
	}

	private void checkObject(JsonNode schema, JsonNode value, String at) {
		if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
			this.problems.add(at + ": fewer than " + schema.get("minProperties").asInt() + " properties");
		}
		for (JsonNode required : schema.path("required")) {
			if (!value.has(required.asString())) {
				this.problems.add(at + ": missing " + required.asString());
			}
		}
		JsonNode properties = schema.path("properties");
		value.propertyNames().forEach((name) -> {
			if (properties.has(name)) {
				check(properties.get(name), value.get(name), at + "." + name);
			}
			else if (schema.path("additionalProperties").isBoolean()
					&& !schema.get("additionalProperties").asBoolean()) {
				this.problems.add(at + ": " + name + " is not a documented property");
			}
		});
	}

	private static boolean typeMatches(String type, JsonNode value) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "boolean" -> value.isBoolean();
			case "number" -> value.isNumber();
			default -> throw new IllegalArgumentException("schema type not checked: " + type);
		};
	}

}
