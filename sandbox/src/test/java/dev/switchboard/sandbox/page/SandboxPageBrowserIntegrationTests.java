package dev.switchboard.sandbox.page;

import dev.switchboard.sandbox.Sandbox;
import dev.switchboard.sandbox.StubGateway;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.jira.JiraIssue;
import dev.switchboard.sandbox.jira.JiraSite;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import dev.switchboard.testsupport.DebianChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's page in headless Chromium: a scripted click on a step's button acts in
 * the simulated systems (Statuspage's webhook, Twilio's callbacks to the stand-in
 * gateway), and what Switchboard would do in reply (a Slack post, a call log on the
 * ticket, made here through the simulated APIs) appears on the page without a reload.
 */
@SandboxIntegrationTest
class SandboxPageBrowserIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final StubGateway gateway = StubGateway.get();

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@Autowired
	Helpdesk helpdesk;

	@Autowired
	JiraSite jira;

	private static ChromeDriver browser;

	@BeforeAll
	static void start() {
		browser = DebianChromium.start();
	}

	@AfterAll
	static void quit() {
		browser.quit();
	}

	@BeforeEach
	void open() {
		browser.get(this.sandbox.url("/").toString());
		// gone if the page reloads: the page must change without a reload
		((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
	}

	@Test
	void aClickPostsAnIncidentUpdateAndSlacksThreadShowsTheReply() throws Exception {
		int statuspageWebhooks = webhooks("/webhooks/statuspage/" + SandboxIntegrationTest.STATUSPAGE_TOKEN);

		browser.findElement(By.cssSelector("button[data-step='incident-update']")).click();

		waitFor(By.cssSelector("#status-page .incident .status.investigating"));
		assertThat(webhooks("/webhooks/statuspage/" + SandboxIntegrationTest.STATUSPAGE_TOKEN))
			.isEqualTo(statuspageWebhooks + 1);
		assertThat(this.gateway
			.received((received) -> received.method().equals("POST") && received.path().equals("/api/subscriptions")
					&& received.body().contains("\"components\":[\"Billing\"]")))
			.hasSize(1);
		waitFor(By.cssSelector("#slack-C0GLOBEX001"));
		String ts = slack("{\"channel\":\"C0GLOBEX001\",\"text\":\"Elevated error rates – Investigating\","
				+ "\"attachments\":[{\"color\":\"#f2952f\",\"title\":\"Elevated error rates\"}]}");
		slack("{\"channel\":\"C0GLOBEX001\",\"thread_ts\":\"" + ts + "\",\"text\":\"*Identified* – a load balancer\"}");

		waitFor(By.xpath("//*[@id='slack-C0GLOBEX001']//*[contains(@class,'reply')]"
				+ "//*[contains(text(),'a load balancer')]"));
		assertThat(sameDocument()).isTrue();
	}

	@Test
	void aClickPlacesACallWhoseCallbacksReachTheGatewayAndTheCallLogShowsOnTheTicket() throws Exception {
		browser.findElement(By.cssSelector("button[data-step='place-call']")).click();

		waitFor(By.cssSelector("#calls tr.call .status.completed"));
		String sid = String.valueOf(browser.findElement(By.cssSelector("#calls tr.call")).getDomAttribute("id"))
			.substring(5);
		assertThat(this.gateway.received(
				(received) -> received.path().equals("/webhooks/twilio") && received.body().contains("CallSid=" + sid)))
			.extracting((received) -> received.body().replaceAll(".*CallStatus=([a-z-]+).*", "$1"))
			.containsExactly("ringing", "in-progress", "completed");
		Ticket ticket = this.helpdesk.tickets()
			.reversed()
			.stream()
			.filter((candidate) -> candidate.subject().equals("My router reboots every hour"))
			.findFirst()
			.orElseThrow();
		HttpRequest.Builder note = HttpRequest.newBuilder(this.sandbox.url("/api/v2/tickets/" + ticket.id() + ".json"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"ticket\":{\"comment\":{\"body\":\"Inbound call (completed)"
					+ "\\nCall: " + sid + "\",\"public\":false}}}"));
		assertThat(this.sandbox.send(note).statusCode()).isEqualTo(200);

		waitFor(By.xpath("//*[@id='ticket-" + ticket.id() + "']//*[contains(@class,'internal')]"
				+ "//*[contains(text(),'Call: " + sid + "')]"));
		assertThat(sameDocument()).isTrue();
		Path shot = Path.of("target", "sandbox-page.png");
		Files.createDirectories(shot.getParent());
		Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
	}

	private String slack(String body) throws Exception {
		String answer = this.sandbox
			.send(HttpRequest.newBuilder(this.sandbox.url("/slack/api/chat.postMessage"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)))
			.body();
		assertThat(answer).contains("\"ok\":true");
		Thread.sleep(1000);
		return answer.replaceAll(".*\"ts\":\"([0-9.]+)\".*", "$1");
	}

	private int webhooks(String path) {
		return this.gateway.received((received) -> received.path().equals(path)).size();
	}

	/**
	 * Story 1's Jira step: the issue moves to Done (Jira's webhook to the stand-in
	 * gateway), and the comment issue-sync would then write shows under the issue.
	 */
	@Test
	void aClickMovesTheJiraIssueToDoneAndItsCommentsShowUnderIt() throws Exception {
		JiraIssue issue = this.jira.create("SUP", "Page test issue " + System.nanoTime());
		waitFor(By.cssSelector("#jira-" + issue.id() + " .status.new"));

		browser.findElement(By.cssSelector("button[data-step='close-jira-issue']")).click();

		waitFor(By.cssSelector("#jira-" + issue.id() + " .status.resolved"));
		assertThat(webhooks("/webhooks/jira")).isPositive();
		this.jira.comment(issue.key(), "Reported in 1 conversation");
		waitFor(By.xpath("//*[@id='jira-" + issue.id() + "']//*[contains(@class,'comment')]"
				+ "[contains(text(),'Reported in 1 conversation')]"));
		assertThat(sameDocument()).isTrue();
	}

	private boolean sameDocument() {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("return window.sameDocument;"));
	}

	private void waitFor(By element) {
		new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(element));
	}

}
