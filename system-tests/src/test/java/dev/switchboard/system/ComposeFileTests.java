package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.yml is checked statically: Compose itself
 * validates it, and these tests hold it to what the services need.
 */
class ComposeFileTests {

	private static final List<String> SERVICES = List.of("gateway", "issue-sync-service", "statuspage-feed-service",
			"crm-bridge-service", "remote-session-service");

	/**
	 * {@code ${NAME}} with no default: a variable the application cannot start without.
	 */
	private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

	/**
	 * {@code ${NAME:?message}} in the compose file: compose refuses to start without it.
	 */
	private static final Pattern COMPOSE_REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]*}");

	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

	private final String composeText = Repository.read("docker-compose.yml");

	@SuppressWarnings("unchecked")
	private final Map<String, Object> compose = new Yaml().load(this.composeText);

	@Test
	void composeAcceptsTheFileWhenTheRequiredVariablesAreSet() throws Exception {
		Path env = Files.createTempFile("compose", ".env");
		StringBuilder values = new StringBuilder();
		requiredComposeVariables().forEach((name) -> values.append(name).append("=dummy-value\n"));
		Files.writeString(env, values);

		Result result = dockerCompose("--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q");

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SWITCHBOARD_INTERNAL_TOKEN", "SWITCHBOARD_ENCRYPTION_KEY", "RABBITMQ_PASSWORD",
			"POSTGRES_PASSWORD" })
	void composeRefusesToStartWithoutARequiredVariableAndNamesIt(String missing) throws Exception {
		Path env = Files.createTempFile("compose", ".env");
		StringBuilder values = new StringBuilder();
		requiredComposeVariables().stream()
			.filter((name) -> !name.equals(missing))
			.forEach((name) -> values.append(name).append("=dummy-value\n"));
		Files.writeString(env, values);

		Result result = dockerCompose("--env-file", env.toString(), "-f", "docker-compose.yml", "config", "-q");

		assertThat(requiredComposeVariables()).contains(missing);
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains(missing);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "issue-sync-service", "statuspage-feed-service", "crm-bridge-service",
			"remote-session-service", "rabbitmq", "postgres" })
	void everyContainerHasAHealthcheckAndAMemoryLimit(String name) {
		Map<String, Object> service = service(name);

		assertThat(service).containsKey("healthcheck").containsKey("mem_limit");
		assertThat((Map<String, Object>) service.get("healthcheck")).containsKey("test");
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "issue-sync-service", "statuspage-feed-service", "crm-bridge-service",
			"remote-session-service" })
	void everyServiceIsBuiltFromTheOneDockerfileAndWaitsForAHealthyBrokerAndDatabase(String name) {
		Map<String, Object> service = service(name);
		Map<String, Object> build = (Map<String, Object>) service.get("build");
		Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");

		assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
		assertThat(String.valueOf(((Map<String, Object>) build.get("args")).get("MODULE"))).isEqualTo(name);
		for (String infrastructure : List.of("rabbitmq", "postgres")) {
			assertThat((Map<String, Object>) dependsOn.get(infrastructure)).as(name + " → " + infrastructure)
				.containsEntry("condition", "service_healthy");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway", "issue-sync-service", "statuspage-feed-service", "crm-bridge-service",
			"remote-session-service" })
	void everyServiceGetsTheVariablesItsApplicationYmlRequiresAndItsOwnDatabase(String name) {
		Set<String> environment = environmentNames(service(name));
		Matcher required = REQUIRED_PLACEHOLDER.matcher(Repository.read(name + "/src/main/resources/application.yml"));

		while (required.find()) {
			assertThat(environment).as(name + " needs " + required.group(1)).contains(required.group(1));
		}
		assertThat(environment).contains("SPRING_DATASOURCE_URL", "SPRING_RABBITMQ_HOST");
		assertThat(String.valueOf(environmentValue(service(name), "SPRING_DATASOURCE_URL")))
			.endsWith("/" + name.replace('-', '_'));
	}

	@ParameterizedTest
	@ValueSource(strings = { "gateway:8080", "issue-sync-service:8081", "statuspage-feed-service:8082",
			"crm-bridge-service:8083", "remote-session-service:8084" })
	void healthIsCheckedOnTheManagementPortWhichIsNeverPublished(String nameAndPort) {
		String name = nameAndPort.split(":")[0];
		int management = Integer.parseInt(nameAndPort.split(":")[1]) + 1000;
		Map<String, Object> service = service(name);

		assertThat(String.valueOf(((Map<String, Object>) service.get("healthcheck")).get("test")))
			.contains("http://localhost:" + management + "/actuator/health/readiness");
		assertThat(String.valueOf(service.get("ports"))).doesNotContain(Integer.toString(management));
		assertThat(Repository.read(name + "/src/main/resources/application.yml")).contains("port: " + management);
	}

	@Test
	void onlyTheGatewayPublishesAPort() {
		for (String name : SERVICES) {
			assertThat(service(name).containsKey("ports")).as(name).isEqualTo(name.equals("gateway"));
		}
		assertThat(service("rabbitmq")).doesNotContainKey("ports");
		assertThat(service("postgres")).doesNotContainKey("ports");
	}

	@Test
	void envExampleListsEveryVariableTheComposeFileReads() {
		Set<String> documented = new LinkedHashSet<>();
		for (String line : Repository.read(".env.example").split("\n")) {
			Matcher assignment = Pattern.compile("^#?\\s*([A-Z][A-Z0-9_]*)=").matcher(line.strip());
			if (assignment.find()) {
				documented.add(assignment.group(1));
			}
		}
		Matcher used = COMPOSE_VARIABLE.matcher(this.composeText);
		while (used.find()) {
			assertThat(documented).as(".env.example documents " + used.group(1)).contains(used.group(1));
		}
	}

	@Test
	void thePostgresInitScriptCreatesOneDatabasePerService() {
		String init = Repository.read("docker/postgres/init-databases.sql").toLowerCase();

		for (String name : SERVICES) {
			assertThat(init).contains("create database " + name.replace('-', '_'));
		}
	}

	private Set<String> requiredComposeVariables() {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = COMPOSE_REQUIRED.matcher(this.composeText);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> service(String name) {
		Map<String, Object> services = (Map<String, Object>) this.compose.get("services");
		assertThat(services).containsKey(name);
		return (Map<String, Object>) services.get(name);
	}

	private static Set<String> environmentNames(Map<String, Object> service) {
		Object environment = service.get("environment");
		Set<String> names = new LinkedHashSet<>();
		if (environment instanceof Map<?, ?> map) {
			map.keySet().forEach((key) -> names.add(String.valueOf(key)));
		}
		else if (environment instanceof Collection<?> list) {
			list.forEach((entry) -> names.add(String.valueOf(entry).split("=", 2)[0]));
		}
		return names;
	}

	private static Object environmentValue(Map<String, Object> service, String name) {
		Object environment = service.get("environment");
		if (environment instanceof Map<?, ?> map) {
			return map.get(name);
		}
		for (Object entry : (Collection<?>) environment) {
			String[] pair = String.valueOf(entry).split("=", 2);
			if (pair[0].equals(name)) {
				return pair[1];
			}
		}
		return null;
	}

	private static Result dockerCompose(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("docker-compose"));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).directory(Repository.root().toFile())
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"docker-compose is needed to validate docker-compose.yml: apt-get install -y docker-compose", ex);
		}
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
