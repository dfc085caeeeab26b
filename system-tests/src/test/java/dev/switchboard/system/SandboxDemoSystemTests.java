package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./switchboard demo} end to end: the sandbox and the five packaged services (own
 * port offset, vhost and PostgreSQL databases), story 1 played through the gateway with
 * webhooks signed by the simulated Zendesk and GitHub; the sandbox's state then shows
 * both tickets reopened with one note each.
 */
class SandboxDemoSystemTests {

	private static final TestInfrastructure infrastructure = TestInfrastructure.get();

	private static final ObjectMapper JSON = new ObjectMapper();

	/** the services' ports, their management ports (+1000) and the sandbox's 8090 */
	private static final int offset = ListenPorts.freeOffset(8080, 9090);

	@AfterAll
	static void stopTheDemo() throws Exception {
		Launched stop = launcher("demo", "--stop", "--port-offset", Integer.toString(offset));
		assertThat(stop.exitCode()).as(stop.output()).isZero();
	}

	@Test
	void theDemoReopensBothTicketsWithOneNoteEachWhenTheIssueCloses() throws Exception {
		for (String service : ChaosServices.SERVICES) {
			infrastructure.databaseUrl(service);
		}

		Launched demo = launcher("demo", "--port-offset", Integer.toString(offset), "--vhost", infrastructure.vhost(),
				"--db-prefix", infrastructure.runId(), "--postgres", "jdbc:postgresql://127.0.0.1:5432/", "--no-build");
		System.out.println(demo.output());

		assertThat(demo.exitCode()).as(demo.output()).isZero();
		assertThat(demo.output()).contains("Story 1 complete");
		JsonNode tickets = state().path("tickets");
		assertThat(tickets).hasSize(2);
		for (JsonNode ticket : tickets) {
			assertThat(ticket.path("status").asText()).as("ticket %s", ticket.path("id")).isEqualTo("open");
			assertThat(reopenNotes(ticket)).as("ticket %s", ticket.path("id")).hasSize(1);
		}
	}

	private static List<String> reopenNotes(JsonNode ticket) {
		List<String> notes = new ArrayList<>();
		for (JsonNode comment : ticket.path("comments")) {
			String body = comment.path("body").asText();
			if (!comment.path("publicComment").asBoolean() && body.contains("This ticket was reopened")) {
				notes.add(body);
			}
		}
		return notes;
	}

	private static JsonNode state() throws IOException, InterruptedException {
		HttpResponse<String> state = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (8090 + offset) + "/sandbox/state")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(state.statusCode()).isEqualTo(200);
		return JSON.readTree(state.body());
	}

	private static Launched launcher(String... arguments) throws IOException, InterruptedException {
		Path root = Repository.root();
		Path output = Files.createTempFile("switchboard-demo", ".log");
		ProcessBuilder builder = new ProcessBuilder();
		builder.command().add(root.resolve("switchboard").toString());
		builder.command().addAll(List.of(arguments));
		Process process = builder.directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return new Launched(-1, Files.readString(output));
		}
		return new Launched(process.exitValue(), Files.readString(output));
	}

	private record Launched(int exitCode, String output) {
	}

}
