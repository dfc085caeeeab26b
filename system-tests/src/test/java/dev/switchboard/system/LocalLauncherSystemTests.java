package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.switchboard.signatures.GithubSignature;
import dev.switchboard.signatures.TwilioSignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.switchboard.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five packaged services started by {@code ./switchboard run} beside anything already
 * running (own port offset, vhost and databases), on the real RabbitMQ and PostgreSQL. A
 * webhook signed like GitHub's travels gateway → RabbitMQ → issue-sync-service's
 * database.
 */
class LocalLauncherSystemTests {

	private static final String GITHUB_SECRET = "system-test-" + UUID.randomUUID();

	private static final String ADMIN_KEY = "system-test-key-" + UUID.randomUUID();

	/** The helpdesk app's key: role agent. */
	private static final String AGENT_KEY = "helpdesk-app-key-" + UUID.randomUUID();

	private static final String TWILIO_AUTH_TOKEN = "twilio-" + UUID.randomUUID();

	private static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	/**
	 * The gateway's public URL for this run, as a developer exposing it through a tunnel
	 * sets it: providers call (and Twilio signs) this URL, the tunnel forwards to
	 * localhost.
	 */
	private static final String PUBLIC_URL = "https://sb-" + UUID.randomUUID().toString().substring(0, 8)
			+ ".tunnel.example.net";

	private static final TestInfrastructure infrastructure = TestInfrastructure.get();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static int offset;

	private static String issueSyncDatabase;

	private static final WireMockServer saas = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@BeforeAll
	static void startTheServices() throws Exception {
		saas.start();
		// the services' ports and their management ports (+1000)
		offset = ListenPorts.freeOffset(8080, 9084);
		issueSyncDatabase = infrastructure.databaseUrl("issue-sync-service");
		for (String service : List.of("gateway", "statuspage-feed-service", "crm-bridge-service",
				"remote-session-service")) {
			infrastructure.databaseUrl(service);
		}
		Launched run = launcher("run", "--port-offset", Integer.toString(offset), "--vhost", infrastructure.vhost(),
				"--db-prefix", infrastructure.runId(), "--postgres", "jdbc:postgresql://127.0.0.1:5432/", "--no-build");
		System.out.println(run.output());
		assertThat(run.exitCode()).as(run.output()).isZero();
	}

	@AfterAll
	static void stopTheServices() throws Exception {
		Launched stop = launcher("stop", "--port-offset", Integer.toString(offset));
		saas.stop();
		assertThat(stop.exitCode()).as(stop.output()).isZero();
	}

	/**
	 * The first flow end to end over the five real services: a link made through the
	 * gateway's admin API reads the issue from GitHub and notes it on the ticket;
	 * GitHub's signed "closed" webhook then reopens that ticket in Zendesk (issue-sync →
	 * tickets.commands → crm-bridge → Zendesk).
	 */
	@Test
	void anIssueClosedOnGithubReopensTheLinkedTicketInZendesk() throws Exception {
		closingTheIssueReopensTheLinkedTicket(42, 0);
	}

	/**
	 * The same flow with a 12 MB delivery, too large for a RabbitMQ message: the gateway
	 * keeps the body in its delivery log and issue-sync fetches it from there.
	 */
	@Test
	void aDeliveryTooLargeForAMessageReachesIssueSyncByReference() throws Exception {
		closingTheIssueReopensTheLinkedTicket(43, 12 * 1024 * 1024);
	}

	private void closingTheIssueReopensTheLinkedTicket(int number, int padding) throws Exception {
		closingTheIssueReopensTheLinkedTicket(number, padding,
				Long.toString(40_000 + ThreadLocalRandom.current().nextInt(10_000)));
	}

	private void closingTheIssueReopensTheLinkedTicket(int number, int padding, String ticketId) throws Exception {
		long issueId = 700_000 + ThreadLocalRandom.current().nextInt(100_000);
		String issuePath = "/repos/octo-org/widgets/issues/" + number;
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo(issuePath))
			.willReturn(WireMock.okJson(githubIssue(issueId, number, "open", null, "2026-11-20T10:00:00Z"))));
		saas.stubFor(WireMock.post(WireMock.urlPathMatching(issuePath + "/(comments|labels)"))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":9001}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "solved"))));
		saas.stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));

		HttpResponse<String> link = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (8080 + offset) + "/api/links"))
				.header("Authorization", "Bearer " + ADMIN_KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"" + ticketId
						+ "\",\"issueUrl\":\"https://github.com" + issuePath.replace("/repos", "") + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(link.statusCode()).as(link.body()).isIn(200, 201);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> saas
				.verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
					.withRequestBody(WireMock.containing("Linked to"))));

		String event = githubIssuesEvent("closed",
				githubIssue(issueId, number, "closed", "completed", java.time.Instant.now().toString()));
		// the padding stands in for what makes real deliveries large (long bodies, many
		// commits)
		byte[] closed = ((padding > 0) ? "{\"padding\":\"" + "x".repeat(padding) + "\"," + event.substring(1) : event)
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> webhook = postGithub(UUID.randomUUID().toString(), closed, sign(closed));

		assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> saas
				.verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
					.withRequestBody(WireMock.matching("(?s).*\"status\"\\s*:\\s*\"open\".*"))));
	}

	/**
	 * The third flow's phone half end to end: a Twilio status callback, signed with the
	 * auth token over the gateway's public URL, becomes a call log on the caller's open
	 * ticket in Zendesk.
	 */
	@Test
	void aSignedTwilioCallbackThroughTheGatewayLogsTheCallOnTheCallersTicket() throws Exception {
		int suffix = 1000 + ThreadLocalRandom.current().nextInt(9000);
		aCallIsLoggedOnTheCallersTicket(suffix, Long.toString(50_000 + suffix));
	}

	/**
	 * Issue 17's question, "what happened to ticket 4711?", over the five real services:
	 * a ticket linked to a GitHub issue, the issue closed (the ticket reopened) and a
	 * call logged on it. Its timeline, through the gateway's admin API and on the
	 * console's page in a real browser, has every step in order, each from the service
	 * that did it.
	 */
	@Test
	void aTicketsTimelineShowsItsLinkTheCloseTheReopenAndTheCallInOrder() throws Exception {
		int suffix = 1000 + ThreadLocalRandom.current().nextInt(9000);
		String ticketId = Long.toString(60_000 + suffix);
		closingTheIssueReopensTheLinkedTicket(44, 0, ticketId);
		String callSid = aCallIsLoggedOnTheCallersTicket(suffix, ticketId);
		List<String> steps = List.of("issue-sync-service link.created", "crm-bridge-service command.applied",
				"issue-sync-service issue.state-changed", "issue-sync-service reopen.sent",
				"crm-bridge-service command.applied", "crm-bridge-service call.logged",
				"crm-bridge-service command.applied");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> timeline = http
				.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/timeline?value=" + ticketId))
					.header("Authorization", "Bearer " + ADMIN_KEY)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(timeline.statusCode()).as(timeline.body()).isEqualTo(200);
			com.fasterxml.jackson.databind.JsonNode answer = new com.fasterxml.jackson.databind.ObjectMapper()
				.readTree(timeline.body());
			assertThat(answer.path("missing")).as(timeline.body()).isEmpty();
			List<String> kinds = new java.util.ArrayList<>();
			answer.path("entries")
				.forEach((entry) -> kinds.add(entry.path("service").asText() + " " + entry.path("kind").asText()));
			assertThat(kinds).as(timeline.body()).containsSubsequence(steps);
			assertThat(timeline.body()).contains(callSid);
		});

		org.openqa.selenium.chrome.ChromeDriver browser = dev.switchboard.testsupport.DebianChromium.start();
		try {
			browser.get(gateway() + "/console/login");
			browser.findElement(org.openqa.selenium.By.id("key")).sendKeys(ADMIN_KEY);
			browser.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
			new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
				.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/console/deliveries"));
			browser.findElement(org.openqa.selenium.By.linkText("Timeline")).click();
			browser.findElement(org.openqa.selenium.By.id("value")).sendKeys(ticketId);
			browser.findElement(org.openqa.selenium.By.cssSelector("form.filters button[type=submit]")).click();
			new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
				.until(org.openqa.selenium.support.ui.ExpectedConditions
					.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("ol.timeline")));
			List<String> shown = browser.findElements(org.openqa.selenium.By.cssSelector("ol.timeline li"))
				.stream()
				.map((item) -> item.findElement(org.openqa.selenium.By.cssSelector(".service")).getText() + " "
						+ item.findElement(org.openqa.selenium.By.cssSelector(".kind")).getText())
				.toList();
			assertThat(shown).containsSubsequence(steps);
			assertThat(browser.findElements(org.openqa.selenium.By.cssSelector(".missing"))).isEmpty();
			assertThat(browser.findElements(
					org.openqa.selenium.By.cssSelector("ol.timeline a[href*='/console/calls/" + callSid + "']")))
				.as("a call's entries link to its page")
				.isNotEmpty();
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
			Path shot = Path.of("target", "console-timeline.png");
			Files.createDirectories(shot.getParent());
			Files.write(shot, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

			// the other pages of the same ticket, from the real services behind the
			// gateway
			browser.get(gateway() + "/console/links?ticketId=" + ticketId);
			assertThat(browser.findElement(org.openqa.selenium.By.tagName("main")).getText())
				.contains("octo-org/widgets#44")
				.contains("closed")
				.contains(ticketId);
			browser.get(gateway() + "/console/calls?ticketId=" + ticketId);
			assertThat(browser.findElement(org.openqa.selenium.By.tagName("main")).getText()).contains(callSid)
				.contains("completed");
			browser.get(gateway() + "/console/sessions?ticketId=" + ticketId);
			assertThat(browser.getTitle()).contains("Remote sessions");
			assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("[role=alert]"))).isEmpty();
			browser.get(gateway() + "/console/health");
			assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("table.health td .badge"))
				.stream()
				.map(org.openqa.selenium.WebElement::getText)
				.toList()).as("the gateway and the four services").hasSize(5).containsOnly("ready");
		}
		finally {
			browser.quit();
		}
	}

	/**
	 * Issue 20's sidebar app in headless Chromium, over the five real services: the app's
	 * iframe in a stand-in for Zendesk's agent interface (its ZAF calls answered from a
	 * fixture ticket, its requests sent on by a stand-in for Zendesk's proxy with the
	 * agent key put in). Pasting an issue URL shows the issue open; closing it through
	 * GitHub's signed webhook shows it closed; "Start remote session" shows the session
	 * with its agent link and the customer's text; "Call requester" makes Twilio's fake
	 * dial the requester. The key never reaches the browser.
	 */
	@Test
	void theHelpdeskAppLinksAnIssueSeesItCloseStartsASessionAndCallsTheRequester() throws Exception {
		int suffix = 1000 + ThreadLocalRandom.current().nextInt(9000);
		String ticketId = Long.toString(70_000 + suffix);
		int number = 46;
		long issueId = 800_000 + ThreadLocalRandom.current().nextInt(100_000);
		String issuePath = "/repos/octo-org/widgets/issues/" + number;
		String assigned = ",\"assignee\":{\"login\":\"hubot\",\"id\":2},";
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo(issuePath))
			.willReturn(WireMock.okJson(githubIssue(issueId, number, "open", null, "2026-11-20T10:00:00Z")
				.replace(",\"labels\":", assigned + "\"labels\":"))));
		saas.stubFor(WireMock.post(WireMock.urlPathMatching(issuePath + "/(comments|labels)"))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"id\":9046}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));
		saas.stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));
		String requesterPhone = "+1212555" + suffix;
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/users/8193592318236.json"))
			.willReturn(WireMock.okJson("{\"user\":{\"id\":8193592318236,\"name\":\"Ada Customer\","
					+ "\"email\":\"ada@customer.example\",\"phone\":\"" + requesterPhone
					+ "\",\"role\":\"end-user\"}}")));
		String code = "s46-" + suffix + "-" + (100 + ThreadLocalRandom.current().nextInt(900));
		saas.stubFor(WireMock.post(WireMock.urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(WireMock.containing(ticketId))
			.willReturn(WireMock.aResponse()
				.withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(teamviewerSession(code))));
		String calls = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Calls.json";
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		saas.stubFor(WireMock.post(WireMock.urlPathEqualTo(calls))
			.withRequestBody(WireMock.containing(java.net.URLEncoder.encode(requesterPhone, StandardCharsets.UTF_8)))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(twilioCall(callSid, "+14155550100"))));

		org.openqa.selenium.chrome.ChromeDriver browser = dev.switchboard.testsupport.DebianChromium.start();
		try (ZendeskStandIn zendesk = new ZendeskStandIn(Repository.root().resolve("helpdesk-app/assets"),
				URI.create(gateway()), AGENT_KEY)) {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, 1300));
			browser.get(zendesk.hostPage(ticketId, "light"));
			browser.switchTo().frame("app");
			org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(
					browser, Duration.ofSeconds(60));
			wait.until((driver) -> driver.findElement(org.openqa.selenium.By.id("issues-empty")).isDisplayed());

			// paste an issue URL: the issue appears with its state
			browser.findElement(org.openqa.selenium.By.id("issue-url"))
				.sendKeys("https://github.com/octo-org/widgets/issues/" + number);
			browser.findElement(org.openqa.selenium.By.id("link-button")).click();
			String issue = "li.issue[data-key='octo-org/widgets#" + number + "']";
			wait.until((driver) -> stateOf(driver, issue).startsWith("Open"));
			assertThat(browser.findElement(org.openqa.selenium.By.cssSelector(issue)).getText()).contains("hubot")
				.contains("Printer on fire")
				.contains("1 ticket");

			// the issue closed on GitHub (signed webhook): the sidebar shows it closed
			// once
			// Zendesk tells the app that the ticket changed (Switchboard reopened it)
			byte[] closed = githubIssuesEvent("closed",
					githubIssue(issueId, number, "closed", "completed", java.time.Instant.now().toString())
						.replace(",\"labels\":", assigned + "\"labels\":"))
				.getBytes(StandardCharsets.UTF_8);
			assertThat(postGithub(UUID.randomUUID().toString(), closed, sign(closed)).statusCode()).isEqualTo(202);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
				emit(browser, "ticket.updated");
				return stateOf(browser, issue).startsWith("Closed");
			});

			// start a remote session: it appears with its link, and the text for the
			// customer
			browser.findElement(org.openqa.selenium.By.id("session-button")).click();
			wait.until((driver) -> !driver.findElements(org.openqa.selenium.By.id("started-agent-link")).isEmpty());
			assertThat(browser.findElement(org.openqa.selenium.By.id("started-agent-link")).getAttribute("href"))
				.isEqualTo("https://start.teamviewer.com/" + code + "/supporter");
			assertThat(browser.findElement(org.openqa.selenium.By.id("customer-text")).getAttribute("value"))
				.contains("https://get.teamviewer.com/" + code + "/customer");
			wait.until((driver) -> !driver
				.findElements(org.openqa.selenium.By.cssSelector("li.session a.agent-link[href*='" + code + "']"))
				.isEmpty());

			// call the requester: Twilio's fake is asked to dial the requester's number
			browser.findElement(org.openqa.selenium.By.id("agent-phone")).sendKeys("+14155550100");
			browser.findElement(org.openqa.selenium.By.id("call-button")).click();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(
						() -> assertThat(saas.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(calls))
							.withRequestBody(WireMock
								.containing(java.net.URLEncoder.encode(requesterPhone, StandardCharsets.UTF_8)))))
							.hasSize(1));
			wait.until((driver) -> !driver
				.findElements(org.openqa.selenium.By.cssSelector("li.call[data-call-sid='" + callSid + "']"))
				.isEmpty());
			assertThat(browser.findElement(org.openqa.selenium.By.id("error")).isDisplayed()).isFalse();

			browser.switchTo().defaultContent();
			assertThat(browser.getPageSource()).doesNotContain(AGENT_KEY);
			assertThat(zendesk.proxied()).isGreaterThanOrEqualTo(5);
			Path shot = Path.of("target", "helpdesk-app-sidebar.png");
			Files.createDirectories(shot.getParent());
			org.openqa.selenium.By sidebar = org.openqa.selenium.By.cssSelector(".sidebar");
			Files.write(shot, browser.findElement(sidebar).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			emit(browser, "colorScheme.changed", "dark");
			browser.switchTo().defaultContent();
			Thread.sleep(300);
			Files.write(Path.of("target", "helpdesk-app-sidebar-dark.png"),
					browser.findElement(sidebar).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		finally {
			browser.quit();
		}
	}

	/** The state badge of an issue in the app's iframe, empty while it is not shown. */
	private static String stateOf(org.openqa.selenium.WebDriver driver, String issue) {
		List<org.openqa.selenium.WebElement> badges = driver
			.findElements(org.openqa.selenium.By.cssSelector(issue + " [data-role=state]"));
		return badges.isEmpty() ? "" : badges.get(0).getText();
	}

	/** A ZAF event from the host page (Zendesk) to the app. */
	private static void emit(org.openqa.selenium.WebDriver driver, String name, Object... value) {
		org.openqa.selenium.JavascriptExecutor script = (org.openqa.selenium.JavascriptExecutor) driver;
		driver.switchTo().defaultContent();
		script.executeScript("window.zafHost.emit(arguments[0], arguments[1]);", name,
				(value.length > 0) ? value[0] : null);
		driver.switchTo().frame("app");
	}

	/** TeamViewer's answer to {@code POST /api/v1/sessions}. */
	private static String teamviewerSession(String code) {
		return "{\"code\":\"" + code + "\",\"state\":\"Open\",\"groupid\":\"g12345678\",\"description\":\"\","
				+ "\"end_customer\":{\"name\":\"Ada Customer\",\"email\":\"ada@customer.example\"},"
				+ "\"end_customer_link\":\"https://get.teamviewer.com/" + code + "/customer\","
				+ "\"supporter_link\":\"https://start.teamviewer.com/" + code + "/supporter\"," + "\"created_at\":\""
				+ java.time.Instant.now() + "\",\"valid_until\":\"" + java.time.Instant.now().plusSeconds(3600)
				+ "\",\"online\":false}";
	}

	private static String gateway() {
		return "http://localhost:" + (8080 + offset);
	}

	/**
	 * A completed inbound call from a known customer, logged on their open ticket; its
	 * CallSid.
	 */
	private String aCallIsLoggedOnTheCallersTicket(int suffix, String ticketId) throws Exception {
		String caller = "+1415555" + suffix;
		String userId = Long.toString(8_000_000 + suffix);
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/search.json"))
			.withQueryParam("query", WireMock.equalTo("role:end-user phone:*" + caller.substring(2)))
			.willReturn(WireMock.okJson("{\"results\":[{\"id\":" + userId + ",\"name\":\"Ada Customer\","
					+ "\"email\":\"ada@example.com\",\"phone\":\"" + caller + "\",\"role\":\"end-user\","
					+ "\"result_type\":\"user\"}],\"count\":1}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/users/" + userId + "/tickets/requested.json"))
			.willReturn(WireMock.okJson("{\"tickets\":[{\"id\":" + ticketId + ",\"status\":\"open\",\"subject\":"
					+ "\"Export fails\",\"requester_id\":" + userId + ",\"updated_at\":\""
					+ java.time.Instant.now().minusSeconds(300)
					+ "\",\"created_at\":\"2026-11-20T09:12:44Z\"}],\"count\":1}")));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));
		saas.stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));
		String form = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01&CallDuration=42"
				+ "&CallSid=" + callSid + "&CallStatus=completed&Called=%2B14155550100&Caller="
				+ java.net.URLEncoder.encode(caller, StandardCharsets.UTF_8) + "&Direction=inbound&From="
				+ java.net.URLEncoder.encode(caller, StandardCharsets.UTF_8) + "&SequenceNumber=3&To=%2B14155550100";

		HttpResponse<String> callback = postTwilio(form);

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> saas
				.verify(WireMock.putRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
					.withRequestBody(WireMock.containing(callSid))));
		return callSid;
	}

	/**
	 * One public URL ({@code GATEWAY_PUBLICBASEURL}, set for this run) drives the gateway
	 * and crm-bridge: a click-to-call through the admin API tells Twilio to send the
	 * call's callbacks there, and a callback Twilio signs over that URL passes the
	 * gateway's signature check and reaches the call's log.
	 */
	@Test
	void aClickToCallAsksTwilioForCallbacksAtThePublicUrlAndTheirSignaturesHold() throws Exception {
		int suffix = 1000 + ThreadLocalRandom.current().nextInt(9000);
		String ticketId = Long.toString(60_000 + suffix);
		String customer = "+1212555" + suffix;
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		String calls = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Calls.json";
		saas.stubFor(WireMock.post(WireMock.urlPathEqualTo(calls))
			.withRequestBody(WireMock.containing(java.net.URLEncoder.encode(customer, StandardCharsets.UTF_8)))
			.willReturn(WireMock.aResponse()
				.withStatus(201)
				.withHeader("Content-Type", "application/json")
				.withBody(twilioCall(callSid, "+14155550100"))));
		saas.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));
		saas.stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/v2/tickets/" + ticketId + ".json"))
			.willReturn(WireMock.okJson(zendeskTicket(ticketId, "open"))));

		HttpResponse<String> started = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (8080 + offset) + "/api/calls"))
				.header("Authorization", "Bearer " + ADMIN_KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"ticketId\":\"" + ticketId
						+ "\",\"agentPhone\":\"+14155550100\",\"customerPhone\":\"" + customer + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> created = saas
			.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo(calls))
				.withRequestBody(WireMock.containing(java.net.URLEncoder.encode(customer, StandardCharsets.UTF_8))));
		assertThat(created).hasSize(1);
		java.util.Map<String, List<String>> form = formOf(created.get(0).getBodyAsString());
		String callbackUrl = PUBLIC_URL + "/webhooks/twilio";
		assertThat(form.get("StatusCallback")).containsExactly(callbackUrl);
		assertThat(form.get("Twiml").get(0)).contains("statusCallback=\"" + callbackUrl + "\"")
			.contains("recordingStatusCallback=\"" + callbackUrl + "\"");

		// Twilio calls the URL it was given and signs that URL
		String completed = "AccountSid=" + TWILIO_ACCOUNT + "&ApiVersion=2010-04-01&CallDuration=61&CallSid=" + callSid
				+ "&CallStatus=completed&Called=%2B14155550100&Direction=outbound-api"
				+ "&From=%2B18005551212&SequenceNumber=3&To=%2B14155550100";
		HttpResponse<String> callback = postTwilio(form.get("StatusCallback").get(0), completed);

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> call = admin("/api/calls/" + callSid, ADMIN_KEY);
			assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
			assertThat(call.body()).contains("\"status\":\"completed\"").contains("\"ticketId\":\"" + ticketId);
		});
	}

	/** A form body's fields, decoded; a field given several times keeps every value. */
	private static java.util.Map<String, List<String>> formOf(String body) {
		java.util.Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
		for (String pair : body.split("&")) {
			String[] nameValue = pair.split("=", 2);
			fields
				.computeIfAbsent(java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
						(name) -> new java.util.ArrayList<>())
				.add(java.net.URLDecoder.decode(nameValue.length > 1 ? nameValue[1] : "", StandardCharsets.UTF_8));
		}
		return fields;
	}

	/** Twilio's answer to {@code POST Calls.json}: the new call, queued. */
	private static String twilioCall(String callSid, String to) {
		String uri = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Calls/" + callSid;
		return "{\"account_sid\":\"" + TWILIO_ACCOUNT + "\",\"annotation\":null,\"answered_by\":null,"
				+ "\"api_version\":\"2010-04-01\",\"caller_name\":null,\"date_created\":null,\"date_updated\":null,"
				+ "\"direction\":\"outbound-api\",\"duration\":null,\"end_time\":null,\"forwarded_from\":null,"
				+ "\"from\":\"+18005551212\",\"from_formatted\":\"(800) 555-1212\",\"group_sid\":null,"
				+ "\"parent_call_sid\":null,\"phone_number_sid\":\"PN0123456789abcdef0123456789abcdef\","
				+ "\"price\":null,\"price_unit\":\"USD\",\"sid\":\"" + callSid + "\",\"start_time\":null,"
				+ "\"status\":\"queued\",\"subresource_uris\":{\"notifications\":\"" + uri
				+ "/Notifications.json\",\"recordings\":\"" + uri + "/Recordings.json\"},\"to\":\"" + to
				+ "\",\"to_formatted\":\"" + to + "\",\"trunk_sid\":null,\"uri\":\"" + uri
				+ ".json\",\"queue_time\":\"0\"}";
	}

	/**
	 * {@code crm-bridge.calls.withheld-callers=call-log-only} (set for this run): a call
	 * from a withheld number is logged in crm-bridge, and nothing reaches the helpdesk.
	 */
	@Test
	void aWithheldCallerIsKeptInTheCallLogAndOutOfTheHelpdeskWhenConfiguredSo() throws Exception {
		String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
		String form = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01&CallDuration=17"
				+ "&CallSid=" + callSid + "&CallStatus=completed&Called=%2B14155550100&Caller=anonymous"
				+ "&Direction=inbound&From=anonymous&SequenceNumber=0&To=%2B14155550100";

		HttpResponse<String> callback = postTwilio(form);

		assertThat(callback.statusCode()).as(callback.body()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> call = admin("/api/calls/" + callSid, ADMIN_KEY);
			assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
			assertThat(call.body()).contains("\"noted\":true").doesNotContain("\"ticketId\":\"");
		});
		assertThat(saas.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/api/v2/tickets.json"))
			.withHeader("Idempotency-Key", WireMock.equalTo("switchboard-call-" + callSid)))).isEmpty();
		assertThat(
				saas.findAll(WireMock.anyRequestedFor(WireMock.anyUrl()).withRequestBody(WireMock.containing(callSid))))
			.isEmpty();
	}

	/**
	 * A Twilio callback signed over the gateway's public URL (Twilio signs the URL it
	 * calls), arriving on localhost as through the tunnel.
	 */
	private static HttpResponse<String> postTwilio(String form) throws Exception {
		return postTwilio(PUBLIC_URL + "/webhooks/twilio", form);
	}

	private static HttpResponse<String> postTwilio(String signedUrl, String form) throws Exception {
		String url = "http://localhost:" + (8080 + offset) + "/webhooks/twilio";
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("X-Twilio-Signature", twilioSignature(signedUrl, form))
			.header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String twilioSignature(String url, String form) {
		java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
		for (String pair : form.split("&")) {
			String[] nameValue = pair.split("=", 2);
			sorted.put(java.net.URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					java.net.URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		return TwilioSignature.sign(TWILIO_AUTH_TOKEN, url, List.copyOf(sorted.entrySet()));
	}

	private static String githubIssue(long id, int number, String state, String stateReason, String updatedAt) {
		return "{\"url\":\"https://api.github.com/repos/octo-org/widgets/issues/" + number + "\","
				+ "\"repository_url\":\"https://api.github.com/repos/octo-org/widgets\","
				+ "\"html_url\":\"https://github.com/octo-org/widgets/issues/" + number + "\",\"id\":" + id
				+ ",\"number\":" + number + ","
				+ "\"title\":\"Printer on fire\",\"user\":{\"login\":\"octocat\",\"id\":1},\"labels\":[],"
				+ "\"state\":\"" + state + "\",\"state_reason\":"
				+ (stateReason == null ? "null" : "\"" + stateReason + "\"")
				+ ",\"locked\":false,\"comments\":0,\"created_at\":\"2026-11-19T09:00:00Z\",\"updated_at\":\""
				+ updatedAt + "\",\"closed_at\":" + (state.equals("closed") ? "\"" + updatedAt + "\"" : "null")
				+ ",\"body\":\"It burns.\"}";
	}

	private static String githubIssuesEvent(String action, String issue) {
		return "{\"action\":\"" + action + "\",\"issue\":" + issue + ",\"repository\":{\"id\":186853002,"
				+ "\"name\":\"widgets\",\"full_name\":\"octo-org/widgets\",\"html_url\":\"https://github.com/octo-org/widgets\"},"
				+ "\"sender\":{\"login\":\"octocat\",\"id\":1,\"type\":\"User\"}}";
	}

	private static String zendeskTicket(String id, String status) {
		return "{\"ticket\":{\"id\":" + id + ",\"status\":\"" + status + "\",\"subject\":\"Printer on fire\","
				+ "\"requester_id\":8193592318236,\"updated_at\":\"2026-11-23T10:00:00Z\",\"tags\":[]}}";
	}

	@Test
	void aSignedGithubWebhookIsRecordedOnceByIssueSync() throws Exception {
		byte[] payload = LocalLauncherSystemTests.class.getResourceAsStream("/github/issues-reopened.json")
			.readAllBytes();
		String deliveryId = UUID.randomUUID().toString();

		HttpResponse<String> first = postGithub(deliveryId, payload, sign(payload));
		HttpResponse<String> again = postGithub(deliveryId, payload, sign(payload));

		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(again.statusCode()).as("answered, not published again").isEqualTo(200);
		assertThat(again.body()).contains("\"duplicate\":true");
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(recordedRows(deliveryId)).isEqualTo(1));
		Thread.sleep(1000);
		assertThat(recordedRows(deliveryId)).isEqualTo(1);
	}

	@Test
	void aWebhookWithABadSignatureIsRefusedAndNeverRecorded() throws Exception {
		byte[] payload = "{\"action\":\"closed\"}".getBytes(StandardCharsets.UTF_8);
		String deliveryId = UUID.randomUUID().toString();

		HttpResponse<String> response = postGithub(deliveryId, payload, "sha256=" + "0".repeat(64));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		Thread.sleep(1500);
		assertThat(recordedRows(deliveryId)).isZero();
	}

	@Test
	void everyServiceIsReadyWithBrokerAndDatabaseAndExposesMetrics() throws Exception {
		for (int port = 8080; port <= 8084; port++) {
			int management = port + 1000 + offset;
			HttpResponse<String> readiness = get(management, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).as("port %d", management).isEqualTo(200);
			assertThat(readiness.body()).contains("\"rabbit\"").contains("\"db\"");
			assertThat(get(management, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
			assertThat(get(port + offset, "/actuator/prometheus").statusCode()).as("not on the service's own port")
				.isIn(401, 404);
		}
		assertThat(get(8080 + offset, "/readyz").statusCode()).isEqualTo(200);
	}

	@Test
	void theAdminApiReachesTheServicesThroughTheGatewayOnly() throws Exception {
		HttpResponse<String> routed = admin("/api/links?ticketId=35436", ADMIN_KEY);
		HttpResponse<String> direct = get(8081 + offset, "/api/links?ticketId=35436");

		assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
		assertThat(direct.statusCode()).as("the service's own port wants the internal token").isEqualTo(401);
		assertThat(admin("/api/links?ticketId=35436", "wrong-key").statusCode()).isEqualTo(401);
		assertThat(admin("/api/deliveries?provider=github", ADMIN_KEY).statusCode()).isEqualTo(200);
		HttpResponse<String> deadLetters = admin("/api/dead-letters", ADMIN_KEY);
		assertThat(deadLetters.statusCode()).as(deadLetters.body()).isEqualTo(200);
		assertThat(deadLetters.body()).contains("webhooks.inbound.issue-sync-service.dlq");
	}

	private static HttpResponse<String> admin(String path, String key) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (8080 + offset) + path))
			.header("Authorization", "Bearer " + key)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> postGithub(String deliveryId, byte[] body, String signature)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + (8080 + offset) + "/webhooks/github"))
			.header("X-GitHub-Event", "issues")
			.header("X-GitHub-Delivery", deliveryId)
			.header("X-Hub-Signature-256", signature)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static long recordedRows(String deliveryId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(issueSyncDatabase, infrastructure.postgresUser(),
				infrastructure.postgresPassword());
				PreparedStatement query = connection.prepareStatement(
						"select count(*) from received_delivery where provider = 'github' and delivery_id = ?")) {
			query.setString(1, deliveryId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static String sign(byte[] body) {
		return GithubSignature.sign(GITHUB_SECRET, body);
	}

	/** An offset at which the five ports are free (ports 8080+offset … 8084+offset). */
	private static Launched launcher(String... arguments) throws IOException, InterruptedException {
		Path root = Repository.root();
		Path output = Files.createTempFile("switchboard-launcher", ".log");
		ProcessBuilder builder = new ProcessBuilder();
		builder.command().add(root.resolve("switchboard").toString());
		builder.command().addAll(List.of(arguments));
		builder.directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
		builder.environment().put("GATEWAY_WEBHOOKS_GITHUB_SECRET", GITHUB_SECRET);
		builder.environment().put("GATEWAY_WEBHOOKS_GITHUB_MAXBODY", "24MB");
		builder.environment().put("GATEWAY_APIKEYS_0_NAME", "system-test");
		builder.environment().put("ISSUESYNC_GITHUB_BASEURL", saas.baseUrl());
		builder.environment().put("ISSUESYNC_GITHUB_TOKEN", "github-test-token");
		builder.environment().put("CRMBRIDGE_ZENDESK_BASEURL", saas.baseUrl());
		builder.environment().put("GATEWAY_WEBHOOKS_TWILIO_SECRET", TWILIO_AUTH_TOKEN);
		builder.environment().put("CRMBRIDGE_TWILIO_AUTHTOKEN", TWILIO_AUTH_TOKEN);
		builder.environment().put("CRMBRIDGE_TWILIO_ACCOUNTSID", TWILIO_ACCOUNT);
		builder.environment().put("CRMBRIDGE_TWILIO_BASEURL", saas.baseUrl());
		builder.environment().put("CRMBRIDGE_TWILIO_FROMNUMBER", "+18005551212");
		// the one setting for the public URL; crm-bridge's callback URL follows it
		builder.environment().put("GATEWAY_PUBLICBASEURL", PUBLIC_URL);
		builder.environment().put("CRMBRIDGE_ZENDESK_EMAIL", "switchboard@example.com");
		builder.environment().put("CRMBRIDGE_ZENDESK_APITOKEN", "zendesk-test-token");
		builder.environment().put("GATEWAY_APIKEYS_0_SHA256", sha256(ADMIN_KEY));
		builder.environment().put("GATEWAY_APIKEYS_1_NAME", "helpdesk-app");
		builder.environment().put("GATEWAY_APIKEYS_1_SHA256", sha256(AGENT_KEY));
		builder.environment().put("GATEWAY_APIKEYS_1_ROLE", "agent");
		builder.environment().put("REMOTESESSION_TEAMVIEWER_BASEURL", saas.baseUrl());
		builder.environment().put("REMOTESESSION_TEAMVIEWER_TOKEN", "teamviewer-test-token");
		// the crm-bridge module's tests cover the default (a new ticket): here the other
		// setting
		builder.environment().put("CRMBRIDGE_CALLS_WITHHELDCALLERS", "call-log-only");
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(
					"./switchboard " + String.join(" ", arguments) + " did not finish: " + Files.readString(output));
		}
		return new Launched(process.exitValue(), Files.readString(output));
	}

	private record Launched(int exitCode, String output) {
	}

}
