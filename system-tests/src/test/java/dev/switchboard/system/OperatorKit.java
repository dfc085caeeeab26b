package dev.switchboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * The operator's kit under {@code deploy/}: the PromQL of its alert rules and dashboards,
 * the metric names they use, and promtool to check them.
 */
final class OperatorKit {

	/**
	 * RabbitMQ's own metrics the kit uses, from its rabbitmq_prometheus plugin's
	 * {@code /metrics/detailed} endpoint (families {@code queue_coarse_metrics} and
	 * {@code queue_consumer_count}, prefix {@code rabbitmq_detailed_}). Checked by hand
	 * against the plugin's collector ({@code prometheus_rabbitmq_core_metrics_collector})
	 * of RabbitMQ 3.10.8 (this machine's broker, where the plugin is not enabled) and 4.x
	 * (the compose image, which enables it): the services cannot show them.
	 */
	static final Set<String> RABBITMQ_QUEUE_METRICS = Set.of("rabbitmq_detailed_queue_messages",
			"rabbitmq_detailed_queue_messages_ready", "rabbitmq_detailed_queue_messages_unacked",
			"rabbitmq_detailed_queue_consumers");

	/** Series Prometheus makes itself for every target. */
	static final Set<String> PROMETHEUS_OWN = Set.of("up");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private OperatorKit() {
	}

	static Path deploy() {
		return Repository.root().resolve("deploy");
	}

	/** Every alert rule's expression, by alert name. */
	@SuppressWarnings("unchecked")
	static Map<String, String> ruleExpressions() {
		Map<String, String> expressions = new java.util.LinkedHashMap<>();
		for (Path file : files(deploy().resolve("prometheus/rules"), ".yml")) {
			Map<String, Object> rules = new Yaml().load(read(file));
			for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
				for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
					expressions.put(String.valueOf(rule.get("alert")), String.valueOf(rule.get("expr")));
				}
			}
		}
		return expressions;
	}

	/** Every dashboard's parsed JSON, by file name. */
	static Map<String, JsonNode> dashboards() {
		Map<String, JsonNode> dashboards = new java.util.LinkedHashMap<>();
		for (Path file : files(deploy().resolve("grafana/dashboards"), ".json")) {
			try {
				dashboards.put(file.getFileName().toString(), new ObjectMapper().readTree(read(file)));
			}
			catch (IOException ex) {
				throw new IllegalStateException(file + " is not JSON", ex);
			}
		}
		return dashboards;
	}

	/** Every {@code expr} of a dashboard (its panels' targets). */
	static List<String> dashboardExpressions(JsonNode dashboard) {
		List<String> expressions = new ArrayList<>();
		collectExpressions(dashboard, expressions);
		return expressions;
	}

	/** The metric names the kit's rules and dashboards use. */
	static Set<String> metricNames() {
		Set<String> names = new TreeSet<>();
		ruleExpressions().values().forEach((expression) -> names.addAll(namesIn(expression)));
		dashboards().values()
			.forEach((dashboard) -> dashboardExpressions(dashboard)
				.forEach((expression) -> names.addAll(namesIn(expression))));
		return names;
	}

	/**
	 * The metric names in a PromQL expression: identifiers outside strings, label
	 * matchers, ranges and grouping clauses that are neither functions nor keywords.
	 */
	static Set<String> namesIn(String promql) {
		String text = promql.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\boffset\\s+\\w+", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(text);
		while (identifier.find()) {
			String name = identifier.group();
			boolean call = text.substring(identifier.end()).stripLeading().startsWith("(");
			boolean number = identifier.start() > 0 && Character.isDigit(text.charAt(identifier.start() - 1));
			if (!call && !number && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/** The series names in a Prometheus text exposition. */
	static Set<String> exposed(String exposition) {
		Set<String> names = new TreeSet<>();
		for (String line : exposition.split("\n")) {
			Matcher name = IDENTIFIER.matcher(line);
			if (!line.startsWith("#") && name.lookingAt()) {
				names.add(name.group());
			}
		}
		return names;
	}

	/** Runs promtool in the repository; its exit code and output. */
	static Result promtool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("promtool"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(Repository.root().toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"promtool is needed to check the alert rules in deploy/prometheus: apt-get install -y prometheus",
					ex);
		}
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("promtool " + String.join(" ", arguments) + " did not finish: " + output);
		}
		return new Result(process.exitValue(), output);
	}

	/** Files ending in {@code suffix} directly in {@code directory}, sorted. */
	static List<Path> files(Path directory, String suffix) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void collectExpressions(JsonNode node, List<String> expressions) {
		if (node.isObject()) {
			node.properties().forEach((field) -> {
				if (field.getKey().equals("expr") && field.getValue().isTextual()) {
					expressions.add(field.getValue().asText());
				}
				else {
					collectExpressions(field.getValue(), expressions);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectExpressions(element, expressions));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Result(int exitCode, String output) {
	}

}
