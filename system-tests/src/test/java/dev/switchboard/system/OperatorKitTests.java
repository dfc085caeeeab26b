package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operator's kit under {@code deploy/} without running anything: promtool checks the
 * scrape configuration and the alert rules and runs their unit tests; the dashboards and
 * the compose profile hold together. {@link OperatorKitMetricsSystemTests} checks the
 * metric names against the running services.
 */
class OperatorKitTests {

	@Test
	void promtoolAcceptsTheAlertRules() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("check", "rules"));
		OperatorKit.files(OperatorKit.deploy().resolve("prometheus/rules"), ".yml")
			.forEach((file) -> arguments.add(relative(file)));

		OperatorKit.Result result = OperatorKit.promtool(arguments.toArray(String[]::new));

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void everyAlertPassesItsPromtoolUnitTests() throws Exception {
		List<String> arguments = new ArrayList<>(List.of("test", "rules"));
		OperatorKit.files(OperatorKit.deploy().resolve("prometheus/tests"), ".yml")
			.forEach((file) -> arguments.add(relative(file)));

		OperatorKit.Result result = OperatorKit.promtool(arguments.toArray(String[]::new));

		System.out.println(result.output());
		assertThat(arguments).hasSizeGreaterThan(2);
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void everyAlertIsUnitTested() {
		String tests = String.join("\n",
				OperatorKit.files(OperatorKit.deploy().resolve("prometheus/tests"), ".yml")
					.stream()
					.map((file) -> Repository.read(relative(file)))
					.toList());

		for (String alert : OperatorKit.ruleExpressions().keySet()) {
			assertThat(tests).as("a promtool test for " + alert).contains("alertname: " + alert);
		}
	}

	@Test
	void promtoolAcceptsTheScrapeConfiguration() throws Exception {
		OperatorKit.Result result = OperatorKit.promtool("check", "config", "deploy/prometheus/prometheus.yml");

		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceIsScrapedOnItsManagementPort() {
		Map<String, Object> prometheus = new Yaml().load(Repository.read("deploy/prometheus/prometheus.yml"));
		Map<String, Integer> ports = Map.of("gateway", 9080, "issue-sync-service", 9081, "statuspage-feed-service",
				9082, "crm-bridge-service", 9083, "remote-session-service", 9084);
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) prometheus.get("scrape_configs");

		ports.forEach((service, port) -> {
			Map<String, Object> job = jobs.stream()
				.filter((candidate) -> candidate.get("job_name").equals(service))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no scrape job " + service));
			assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
			Map<String, Object> dns = ((List<Map<String, Object>>) job.get("dns_sd_configs")).get(0);
			assertThat((List<String>) dns.get("names")).containsExactly(service);
			assertThat(dns).containsEntry("port", port);
		});
	}

	@Test
	void everyDashboardQueriesTheProvisionedPrometheus() {
		String datasource = Repository.read("deploy/grafana/provisioning/datasources/prometheus.yml");
		Map<String, JsonNode> dashboards = OperatorKit.dashboards();

		assertThat(dashboards).hasSizeGreaterThanOrEqualTo(5);
		dashboards.forEach((file, dashboard) -> {
			assertThat(dashboard.path("uid").asText()).as(file).isEqualTo(file.replace(".json", ""));
			assertThat(OperatorKit.dashboardExpressions(dashboard)).as(file).isNotEmpty();
			for (JsonNode panel : dashboard.path("panels")) {
				if (panel.has("targets")) {
					String uid = panel.path("datasource").path("uid").asText();
					assertThat(datasource).as(file + ": " + panel.path("title").asText()).contains("uid: " + uid);
				}
			}
		});
	}

	@Test
	void theMetricNamesAreReadFromTheKitAndRabbitmqNamesAreTheBrokersOwn() {
		Set<String> names = OperatorKit.metricNames();
		Set<String> rabbitmq = new TreeSet<>(names);
		rabbitmq.removeIf((name) -> !name.startsWith("rabbitmq_"));

		assertThat(names)
			.contains("switchboard_webhooks_received_total", "up",
					"switchboard_issue_sync_closed_to_reopened_seconds_bucket")
			.doesNotContain("sum", "rate", "by", "le", "provider", "vector", "histogram_quantile");
		assertThat(OperatorKit.RABBITMQ_QUEUE_METRICS).containsAll(rabbitmq);
		assertThat(OperatorKit.namesIn("sum by (queue) (increase(a_total{queue=~\"x\\\\.dlq\"}[5m] offset 7d)) "
				+ "/ on (queue) group_left b_seconds_count unless absent(c) > 0.25"))
			.containsExactly("a_total", "b_seconds_count", "c");
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeStartsPrometheusAndGrafanaOnlyWithTheObservabilityProfile() {
		Map<String, Object> compose = new Yaml().load(Repository.read("docker-compose.yml"));
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");

		services.forEach((name, service) -> {
			boolean observability = name.equals("prometheus") || name.equals("grafana");
			assertThat(service.get("profiles")).as(name).isEqualTo(observability ? List.of("observability") : null);
		});
		for (String name : List.of("prometheus", "grafana")) {
			for (String volume : (List<String>) services.get(name).get("volumes")) {
				String source = volume.split(":")[0];
				if (source.startsWith("./")) {
					assertThat(Repository.root().resolve(source.substring(2))).as(volume).exists();
				}
			}
			assertThat(String.valueOf(services.get(name).get("ports"))).startsWith("[127.0.0.1:");
		}
	}

	private static String relative(Path file) {
		return Repository.root().relativize(file).toString();
	}

}
