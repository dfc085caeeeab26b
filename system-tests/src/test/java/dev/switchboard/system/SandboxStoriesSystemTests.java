package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testsupport.DebianChromium;
import dev.switchboard.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code ./switchboard demo} end to end: the sandbox and the five packaged services (own
 * port offset, vhost and PostgreSQL databases) on the real RabbitMQ, the four stories
 * played through the gateway with every webhook signed by the simulated provider. The
 * sandbox's state then shows what each story's users would see, and its page, in headless
 * Chromium, shows Switchboard's reaction to a step a click started. One launch for all
 * (the services start once): the stories run in the launcher, the tests read what they
 * left.
 */
class SandboxStoriesSystemTests {

	private static final TestInfrastructure infrastructure = TestInfrastructure.get();

	private static final ObjectMapper JSON = new ObjectMapper();

	/** the services' ports, their management ports (+1000) and the sandbox's 8090 */
	private static final int offset = ListenPorts.freeOffset(8080, 9090);

	private static Launched demo;

	private static JsonNode state;

	@BeforeAll
	static void playTheDemo() throws Exception {
		for (String service : ChaosServices.SERVICES) {
			infrastructure.databaseUrl(service);
		}
		demo = launcher("demo", "--port-offset", Integer.toString(offset), "--vhost", infrastructure.vhost(),
				"--db-prefix", infrastructure.runId(), "--postgres", "jdbc:postgresql://127.0.0.1:5432/", "--no-build");
		System.out.println(demo.output());
		state = JSON.readTree(get("/sandbox/state"));
	}

	@AfterAll
	static void stopTheDemo() throws Exception {
		Launched stop = launcher("demo", "--stop", "--port-offset", Integer.toString(offset));
		assertThat(stop.exitCode()).as(stop.output()).isZero();
	}

	@Test
	void playsEveryStoryToItsEnd() {
		assertThat(demo.exitCode()).as(demo.output()).isZero();
		assertThat(demo.output()).contains("Story 1 complete", "Story 2 complete", "Story 3 complete",
				"Story 4 complete");
	}

	@Test
	void story1ReopensBothTicketsWithOneNoteEachWhenTheIssueCloses() {
		List<JsonNode> tickets = tickets(
				(ticket) -> ticket.path("subject").asText().equals("Checkout fails with a big cart")
						|| ticket.path("subject").asText().equals("Error 502 when I pay"));
		assertThat(tickets).hasSize(2);
		for (JsonNode ticket : tickets) {
			assertThat(ticket.path("status").asText()).as("ticket %s", ticket.path("id")).isEqualTo("open");
			assertThat(notes(ticket, "This ticket was reopened")).as("ticket %s", ticket.path("id")).hasSize(1);
			// the issue was transferred to octo-org/checkout (a new id) before it closed:
			// the
			// ticket followed it, and the close note names the issue where it is now
			assertThat(notes(ticket, " was transferred to GitHub octo-org/checkout#"))
				.as("ticket %s", ticket.path("id"))
				.hasSize(1);
			assertThat(notes(ticket, "This ticket was reopened")).singleElement()
				.asString()
				.contains("octo-org/checkout#");
		}
	}

	/**
	 * The Jira part of story 1: the issue moved from SUP to ENG (new key, same id) before
	 * it was done; its ticket reopens once, with a note naming the new key.
	 */
	@Test
	void story1ReopensTheJiraTicketOnceWhenTheMovedIssueIsDone() {
		JsonNode issue = state.path("jiraIssues").get(0);
		assertThat(state.path("jiraIssues")).hasSize(1);
		assertThat(issue.path("key").asText()).startsWith("ENG-");
		assertThat(issue.path("formerKeys").get(0).asText()).startsWith("SUP-");
		assertThat(issue.path("status").asText()).isEqualTo("DONE");
		List<JsonNode> tickets = tickets(
				(ticket) -> ticket.path("subject").asText().equals("My export never finishes"));
		assertThat(tickets).singleElement().satisfies((ticket) -> {
			assertThat(ticket.path("status").asText()).isEqualTo("open");
			assertThat(notes(ticket, "This ticket was reopened")).singleElement()
				.satisfies((note) -> assertThat(note).contains(issue.path("key").asText()));
		});
	}

	@Test
	void story2ThreadsTheIncidentInBothApiChannelsOnlyAndCardsItInTeams() {
		for (String channel : List.of("C0GLOBEX001", "C0INITECH01")) {
			List<JsonNode> messages = slack(channel);
			List<JsonNode> parents = messages.stream().filter((message) -> message.path("threadTs").isNull()).toList();
			assertThat(parents).as(channel)
				.singleElement()
				.satisfies((parent) -> assertThat(parent.path("edited").asBoolean()).as("parent edited to resolved")
					.isTrue());
			String ts = parents.get(0).path("ts").asText();
			assertThat(messages).as(channel)
				.filteredOn((message) -> ts.equals(message.path("threadTs").asText()))
				.extracting((message) -> message.path("text").asText())
				.hasSize(2)
				.satisfies((replies) -> assertThat(replies.get(0)).startsWith("*Identified*"))
				.satisfies((replies) -> assertThat(replies.get(1)).startsWith("*Resolved*"));
		}
		assertThat(slack("C0UMBRELA01")).as("the channel that follows Billing only").isEmpty();
		List<JsonNode> cards = new ArrayList<>();
		state.path("teamsPosts").forEach(cards::add);
		assertThat(cards).extracting((post) -> post.path("card").path("body").get(1).toString())
			.hasSize(3)
			.satisfies((facts) -> assertThat(facts.get(0)).contains("Investigating"))
			.satisfies((facts) -> assertThat(facts.get(2)).contains("Resolved"));
	}

	@Test
	void story3LogsEachCallOnceOnTheRightTicketAndOpensOneForTheMissedCall() {
		JsonNode fay = tickets((ticket) -> ticket.path("subject").asText().equals("My router reboots every hour"))
			.getFirst();
		List<String> logs = notes(fay, "\nCall: CA");
		assertThat(logs).as("an inbound call and a call back").hasSize(2);
		assertThat(logs.get(0)).startsWith("Inbound call (completed)");
		assertThat(logs.get(1)).startsWith("Outbound call (completed)");
		for (String log : logs) {
			String sid = log.substring(log.indexOf("\nCall: ") + 7, log.indexOf("\nCall: ") + 41);
			assertThat(tickets((ticket) -> !notes(ticket, "Call: " + sid).isEmpty())).as(sid).containsExactly(fay);
		}
		assertThat(tickets((ticket) -> ticket.path("subject").asText().startsWith("Missed call from +1 415-555-")))
			.singleElement()
			.satisfies((ticket) -> assertThat(notes(ticket, "Missed call from")).hasSize(1));
	}

	@Test
	void story4SendsTheJoinLinkAndWritesTheSessionsSummaryOnce() {
		JsonNode gus = tickets(
				(ticket) -> ticket.path("subject").asText().equals("The printer driver will not install"))
			.getFirst();
		JsonNode session = state.path("remoteSessions").get(0);
		String code = session.path("code").asText();
		assertThat(
				comments(gus,
						(comment) -> comment.path("publicComment").asBoolean()
								&& comment.path("body").asText().contains(session.path("customerLink").asText())))
			.hasSize(1);
		assertThat(notes(gus, session.path("supporterLink").asText())).hasSize(1);
		assertThat(notes(gus, "Remote session ended")).singleElement()
			.satisfies((note) -> assertThat(note).contains(code, "Agent: alice@example.com", "Duration:"));
	}

	/**
	 * A click on the page's "A customer calls": the sandbox's Twilio calls the gateway,
	 * crm-bridge writes the call log, the page shows it on the caller's ticket without a
	 * reload.
	 */
	/**
	 * The Guacamole part of story 4: the session started through the admin API, its link
	 * accepted by the simulated Guacamole (decrypted, signature verified), connected and
	 * disconnected; the ticket gets the agent's link and one summary.
	 */
	@Test
	void story4RunsAGuacamoleSessionFromTheAgentsSignedLinkToItsSummary() {
		assertThat(state.path("guacamoleConnections")).singleElement().satisfies((connection) -> {
			assertThat(connection.path("hostname").asText()).isEqualTo("ts01.corp.example");
			assertThat(connection.path("username").asText()).isEqualTo("alice@example.com");
			assertThat(connection.path("disconnectedAt").isNull()).isFalse();
		});
		assertThat(state.path("guacamoleRefusals")).isEmpty();
		JsonNode hal = tickets(
				(ticket) -> ticket.path("subject").asText().equals("The terminal server drops my session"))
			.getFirst();
		assertThat(notes(hal, "/guacamole/#/?data=")).hasSize(1);
		assertThat(notes(hal, "Remote session ended")).singleElement()
			.satisfies((note) -> assertThat(note).contains("Guacamole"));
	}

	@Test
	void aClickOnTheSandboxesPageStartsACallAndShowsItsLogOnTheTicket() throws Exception {
		JsonNode fay = tickets((ticket) -> ticket.path("subject").asText().equals("My router reboots every hour"))
			.getFirst();
		int before = notes(fay, "Inbound call (completed)").size();
		ChromeDriver browser = DebianChromium.start();
		try {
			browser.get(sandbox() + "/");
			((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
			browser.findElement(By.cssSelector("button[data-step='place-call']")).click();

			new WebDriverWait(browser, Duration.ofSeconds(90)).until((driver) -> driver
				.findElements(By.xpath("//*[@id='ticket-" + fay.path("id").asText()
						+ "']//*[contains(@class,'internal')]//*[contains(text(),'Inbound call (completed)')]"))
				.size() == before + 1);
			assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument;")).isEqualTo(true);
			new WebDriverWait(browser, Duration.ofSeconds(10))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#calls tr.call")));
			browser.manage().window().setSize(new Dimension(1400, 1900));
			Path shot = Path.of("target", "sandbox-demo.png");
			Files.createDirectories(shot.getParent());
			Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
		}
		finally {
			browser.quit();
		}
	}

	private static List<JsonNode> tickets(Predicate<JsonNode> which) {
		List<JsonNode> found = new ArrayList<>();
		state.path("tickets").forEach((ticket) -> {
			if (which.test(ticket)) {
				found.add(ticket);
			}
		});
		return found;
	}

	/** Switchboard's internal notes on the ticket that contain the text. */
	private static List<String> notes(JsonNode ticket, String text) {
		return comments(ticket,
				(comment) -> !comment.path("publicComment").asBoolean() && comment.path("body").asText().contains(text))
			.stream()
			.map((comment) -> comment.path("body").asText())
			.toList();
	}

	private static List<JsonNode> comments(JsonNode ticket, Predicate<JsonNode> which) {
		List<JsonNode> found = new ArrayList<>();
		ticket.path("comments").forEach((comment) -> {
			if (which.test(comment)) {
				found.add(comment);
			}
		});
		return found;
	}

	private static List<JsonNode> slack(String channel) {
		List<JsonNode> found = new ArrayList<>();
		state.path("slackMessages").forEach((message) -> {
			if (message.path("channel").asText().equals(channel)) {
				found.add(message);
			}
		});
		return found;
	}

	private static String sandbox() {
		return "http://localhost:" + (8090 + offset);
	}

	private static String get(String path) throws IOException, InterruptedException {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sandbox() + path)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return answer.body();
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
		if (!process.waitFor(15, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			return new Launched(-1, Files.readString(output));
		}
		return new Launched(process.exitValue(), Files.readString(output));
	}

	private record Launched(int exitCode, String output) {
	}

}
