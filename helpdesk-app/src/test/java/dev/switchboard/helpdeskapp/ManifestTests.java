package dev.switchboard.helpdeskapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The app's manifest against the schema transcribed from Zendesk's manifest reference,
 * and what the app needs of it: the ticket sidebar, framework 2.0, the two settings (the
 * key secure), translations for them, the files it names, and the key only ever as
 * {@code {{setting.apiKey}}} in a secure request.
 */
class ManifestTests {

	private static final Path APP = Path.of(System.getProperty("user.dir"));

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void conformsToTheDocumentedSchema() throws IOException {
		assertThat(SchemaCheck.problems(schema(), manifest())).isEmpty();
	}

	@Test
	void theSchemaCheckRefusesWhatTheReferenceDoesNotAllow() throws IOException {
		ObjectNode broken = (ObjectNode) manifest();
		broken.put("frameworkVersion", "1.0");
		broken.remove("author");
		broken.put("colour", "blue");
		((ObjectNode) broken.path("parameters").get(1)).put("type", "secret");
		((ObjectNode) broken.path("location").path("support").path("ticket_sidebar")).put("url", "iframe.html");

		assertThat(SchemaCheck.problems(schema(), broken)).hasSize(5)
			.anySatisfy((problem) -> assertThat(problem).contains("frameworkVersion"))
			.anySatisfy((problem) -> assertThat(problem).contains("missing author"))
			.anySatisfy((problem) -> assertThat(problem).contains("colour"))
			.anySatisfy((problem) -> assertThat(problem).contains("secret"))
			.anySatisfy((problem) -> assertThat(problem).contains("iframe.html"));
	}

	@Test
	void livesInTheTicketSidebarWithTheSwitchboardUrlAndASecureKey() throws IOException {
		JsonNode manifest = manifest();
		assertThat(manifest.path("frameworkVersion").asString()).isEqualTo("2.0");
		String page = manifest.path("location").path("support").path("ticket_sidebar").path("url").asString();
		assertThat(page).isEqualTo("assets/iframe.html");
		assertThat(APP.resolve(page)).isRegularFile();
		JsonNode url = parameter(manifest, "switchboardUrl");
		assertThat(url.path("type").asString()).isEqualTo("url");
		assertThat(url.path("secure").asBoolean()).isFalse();
		JsonNode key = parameter(manifest, "apiKey");
		assertThat(key.path("secure").asBoolean()).as("the key is sent by Zendesk's proxy only").isTrue();
		assertThat(key.path("required").asBoolean()).isTrue();
		assertThat(manifest.path("domainWhitelist")).isNotEmpty();
		assertThat(APP.resolve("assets/logo.png")).isRegularFile();
		assertThat(APP.resolve("assets/logo-small.png")).isRegularFile();
	}

	@Test
	void translatesTheAppAndEverySetting() throws IOException {
		JsonNode app = json.readTree(APP.resolve("translations/en.json").toFile()).path("app");
		for (String field : new String[] { "name", "short_description", "long_description",
				"installation_instructions" }) {
			assertThat(app.path(field).asString()).as(field).isNotBlank();
		}
		for (JsonNode parameter : manifest().path("parameters")) {
			String name = parameter.path("name").asString();
			assertThat(app.path("parameters").path(name).path("label").asString()).as(name).isNotBlank();
			assertThat(app.path("parameters").path(name).path("helpText").asString()).as(name).isNotBlank();
		}
		assertThat(app.path("installation_instructions").asString()).contains("agent");
	}

	@Test
	void sendsTheKeyOnlyAsTheSecureSettingsPlaceholderInSecureRequests() throws IOException {
		String script = Files.readString(APP.resolve("assets/app.js"));
		assertThat(count(script, "{{setting.apiKey}}")).isEqualTo(1);
		assertThat(script).contains("secure: true").doesNotContain("settings.apiKey").doesNotContain("innerHTML");
		assertThat(count(script, "client.request(")).as("one place builds every request").isEqualTo(1);
	}

	@Test
	void thePageLoadsTheFrameworkTwoSdkAndOnlyFilesThatExist() throws IOException {
		String page = Files.readString(APP.resolve("assets/iframe.html"));
		assertThat(page).contains("https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js");
		Matcher local = Pattern.compile("(?:src|href)=\"(?!https://)([^\"]+)\"").matcher(page);
		int files = 0;
		while (local.find()) {
			assertThat(APP.resolve("assets").resolve(local.group(1))).as(local.group(1)).isRegularFile();
			files++;
		}
		assertThat(files).isEqualTo(2);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private static JsonNode parameter(JsonNode manifest, String name) {
		for (JsonNode parameter : manifest.path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name);
	}

	private static JsonNode manifest() throws IOException {
		return json.readTree(APP.resolve("manifest.json").toFile());
	}

	private static JsonNode schema() throws IOException {
		try (var in = ManifestTests.class.getResourceAsStream("/zaf-manifest.schema.json")) {
			return json.readTree(in);
		}
	}

}
