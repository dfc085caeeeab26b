package dev.switchboard.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import dev.switchboard.testsupport.DebianChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser: Debian's headless Chromium driven by its chromedriver
 * (nothing is downloaded). Signs in with a key, finds a signed webhook by the issue
 * number in its body, opens it, replays it and finds the replay on the owner's queue;
 * looks up an issue's links and pauses a status subscription (the services answered by
 * WireMock); runs a bulk replay from the deliveries page and cancels another; screenshots
 * go to {@code target/console-*.png}.
 */
@GatewayIntegrationTest
class ConsoleBrowserIntegrationTests {

	private static final String OWNER_QUEUE = Destinations.queue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.ISSUE_SYNC);

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	@BeforeAll
	static void startBrowser() {
		browser = DebianChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Each test starts signed out (the browser is shared). */
	@BeforeEach
	void signOut() {
		browser.get("http://localhost:" + this.port + "/console/login");
		browser.manage().deleteAllCookies();
	}

	@Test
	void signsInFindsASignedDeliveryByAValueInItsBodyAndReplaysItToTheOwnersQueue() throws IOException {
		this.admin.purgeQueue(OWNER_QUEUE, false);
		int issue = 40000 + (int) (Math.random() * 9999);
		String deliveryId = "browser-" + UUID.randomUUID();
		String eventId = send(deliveryId, issue);
		Message first = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(first.getMessageProperties().getMessageId()).isEqualTo(eventId);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get("http://localhost:" + this.port + "/console/deliveries");
		assertThat(browser.getCurrentUrl()).endsWith("/console/login");
		screenshot("console-sign-in");
		browser.findElement(By.id("key")).sendKeys(GatewayIntegrationTest.ADMIN_KEY);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/console/deliveries"));
		Cookie session = assertThat(browser.manage().getCookieNamed("switchboard_console")).isNotNull().actual();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Strict");
		assertThat(browser.getCurrentUrl()).doesNotContain(GatewayIntegrationTest.ADMIN_KEY);

		browser.findElement(By.id("q")).sendKeys(Integer.toString(issue));
		WebElement search = browser.findElement(By.cssSelector("form.filters button[type=submit]"));
		search.click();
		wait.until(ExpectedConditions.stalenessOf(search));
		String about = "issues closed acme/widgets#" + issue;
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(about)));
		assertThat(browser.findElement(By.cssSelector(".count span")).getText()).isEqualTo("1 delivery");
		screenshot("console-deliveries");
		browser.findElement(By.linkText(about)).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("replay")));
		assertThat(browser.findElement(By.cssSelector("table.headers")).getText()).contains("x-github-delivery")
			.contains(deliveryId);
		assertThat(browser.getPageSource()).doesNotContain("sha256=");
		assertThat(browser.findElement(By.cssSelector("pre.body")).getText()).contains("\"number\" : " + issue);
		browser.findElement(By.id("replay")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Replayed");
		Message replayed = assertThat(this.rabbit.receive(OWNER_QUEUE, 5000)).isNotNull().actual();
		assertThat(replayed.getMessageProperties().getMessageId()).isEqualTo(eventId);
		assertThat((String) replayed.getMessageProperties().getHeader("replay-of")).isEqualTo(eventId);
		screenshot("console-delivery");
		browser.manage().window().setSize(new Dimension(400, 900));
		screenshot("console-delivery-narrow");
		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.findElement(By.linkText("Dead letters")).click();
		wait.until(ExpectedConditions.titleContains("Dead letters"));
		screenshot("console-dead-letters");
	}

	@Test
	void replaysOneDeadLetterThenTheRestAsAJob() throws IOException {
		String work = "console-dlq-" + UUID.randomUUID();
		String deadLetters = work + ".dlq";
		this.admin.declareQueue(org.springframework.amqp.core.QueueBuilder.durable(work).build());
		this.admin.declareQueue(org.springframework.amqp.core.QueueBuilder.durable(deadLetters).build());
		for (int i = 0; i < 3; i++) {
			org.springframework.amqp.core.MessageProperties properties = new org.springframework.amqp.core.MessageProperties();
			properties.setMessageId("letter-" + i);
			properties.setContentType("application/json");
			properties.setHeader("x-exception-message", "Zendesk answered 422: ticket 4711 is closed");
			this.rabbit.send("", deadLetters,
					new Message("{\"ticketId\":4711}".getBytes(StandardCharsets.UTF_8), properties));
		}
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		signIn(wait);
		String section = "//section[h2/span[text()='" + deadLetters + "']]";

		browser.get("http://localhost:" + this.port + "/console/dead-letters");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(section)));
		assertThat(browser.findElement(By.xpath(section)).getText()).contains("3 messages")
			.contains("ticket 4711 is closed");
		browser.findElement(By.xpath(section + "//a[text()='Open']")).click();
		wait.until(ExpectedConditions.titleContains("Dead letter"));
		browser.findElement(By.xpath("//button[text()='Replay']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("moved back");

		browser.findElement(By.xpath(section + "//a[contains(@class,'replay-all')]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".estimate")));
		assertThat(browser.findElement(By.cssSelector(".estimate")).getText()).isEqualTo("2 messages are in the queue");
		browser.findElement(By.id("start")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "finished"));
		assertThat(browser.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("2 of 2 moved back");
		screenshot("console-dead-letter-job");
		assertThat(this.admin.getQueueInfo(work)).extracting((info) -> info.getMessageCount()).isEqualTo(3L);
		this.admin.deleteQueue(work);
		this.admin.deleteQueue(deadLetters);
	}

	@Test
	void looksUpAnIssuesTicketsAndPausesAStatusSubscription() throws IOException {
		String subscription = ConsoleServicePagesIntegrationTests.SUBSCRIPTION_ID;
		stubFor(get(urlPathEqualTo("/api/links")).willReturn(okJson("["
				+ ConsoleServicePagesIntegrationTests.link("4711", "Export fails on save", "closed", "completed") + ","
				+ ConsoleServicePagesIntegrationTests.link("4712", "Export fails on save", "closed", "completed")
					.replace(ConsoleServicePagesIntegrationTests.LINK_ID, "6c1d2b63-4f1f-4e2d-8b68-4d3f2f9c0e21")
				+ "]")));
		stubFor(get(urlEqualTo("/api/feeds")).willReturn(okJson(ConsoleServicePagesIntegrationTests.FEEDS)));
		stubFor(get(urlEqualTo("/api/subscriptions"))
			.willReturn(okJson("[" + ConsoleServicePagesIntegrationTests.subscription("active") + "]")));
		stubFor(get(urlEqualTo("/api/subscriptions/" + subscription)).inScenario("pause")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(okJson(ConsoleServicePagesIntegrationTests.subscription("active"))));
		stubFor(get(urlEqualTo("/api/subscriptions/" + subscription)).inScenario("pause")
			.whenScenarioStateIs("paused")
			.willReturn(okJson(ConsoleServicePagesIntegrationTests.subscription("paused"))));
		stubFor(get(urlEqualTo("/api/subscriptions/" + subscription + "/deliveries?limit=50")).willReturn(
				okJson("""
						[{"seq":1,"incident":"p0xg1","title":"API errors","status":"investigating",
						  "postedAt":"2026-12-02T12:00:00Z","state":"failed","attempts":5,"lastError":"refused","sentAt":null}]""")));
		stubFor(patch(urlEqualTo("/api/subscriptions/" + subscription)).inScenario("pause")
			.willSetStateTo("paused")
			.willReturn(okJson(ConsoleServicePagesIntegrationTests.subscription("paused"))));
		stubFor(get(urlEqualTo("/api/calls?ticketId=4711"))
			.willReturn(okJson("[" + ConsoleServicePagesIntegrationTests.CALL + "]")));
		stubFor(get(urlEqualTo("/api/sessions/" + ConsoleServicePagesIntegrationTests.SESSION_ID))
			.willReturn(okJson(ConsoleServicePagesIntegrationTests.SESSION)));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		signIn(wait);

		browser.findElement(By.linkText("Links")).click();
		wait.until(ExpectedConditions.titleContains("Links"));
		browser.findElement(By.id("issueUrl")).sendKeys(ConsoleServicePagesIntegrationTests.ISSUE_URL);
		browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".issue-card")));
		assertThat(browser.findElement(By.cssSelector(".issue-card h2")).getText()).contains("acme/widgets#42")
			.contains("Export fails on save")
			.contains("closed");
		assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("4711")
			.contains("4712")
			.contains("yes, when completed");
		screenshot("console-links");

		browser.findElement(By.linkText("Subscriptions")).click();
		wait.until(ExpectedConditions.titleContains("Status subscriptions"));
		assertThat(browser.findElement(By.cssSelector("h2 .badge")).getText()).isEqualTo("1 unhealthy");
		assertThat(browser.findElements(By.cssSelector("table")).get(0).getText()).as("the unhealthy feed comes first")
			.containsSubsequence("status.broken.example", "status.healthy.example");
		screenshot("console-subscriptions");
		browser.findElement(By.linkText("Acme <b>status</b>")).click();
		wait.until(ExpectedConditions.titleContains("Status subscription"));
		browser.findElement(By.xpath("//button[text()='Pause']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Paused");
		assertThat(browser.findElement(By.xpath("//button[text()='Resume']")).isDisplayed()).isTrue();
		verify(1, patchRequestedFor(urlEqualTo("/api/subscriptions/" + subscription))
			.withRequestBody(equalToJson("{\"state\":\"paused\"}")));
		screenshot("console-subscription");

		browser.get("http://localhost:" + this.port + "/console/calls?ticketId=4711");
		wait.until(ExpectedConditions.titleContains("Calls"));
		screenshot("console-calls");
		browser.get("http://localhost:" + this.port + "/console/sessions/"
				+ ConsoleServicePagesIntegrationTests.SESSION_ID);
		wait.until(ExpectedConditions.titleContains("Remote session"));
		assertThat(browser.getPageSource()).doesNotContain("secret");
		screenshot("console-session");
	}

	@Test
	void estimatesAndRunsABulkReplayAndCancelsAnother() throws IOException {
		String small = ConsoleReplayJobsIntegrationTests.sendDeliveries(this.port, 3);
		String large = ConsoleReplayJobsIntegrationTests.sendDeliveries(this.port, 150);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		signIn(wait);

		browser.findElement(By.id("q")).sendKeys(small);
		WebElement search = browser.findElement(By.cssSelector("form.filters button[type=submit]"));
		search.click();
		// the unfiltered page has the same link: wait for it to be replaced by the
		// filtered page's
		wait.until(ExpectedConditions.stalenessOf(search));
		wait.until(ExpectedConditions.urlContains("q=" + small));
		clickUntil(wait, By.linkText("Replay all matching…"), ExpectedConditions.urlContains("/replay-jobs/new"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".estimate")));
		assertThat(browser.findElement(By.cssSelector(".estimate")).getText()).isEqualTo("3 deliveries match");
		screenshot("console-replay-estimate");
		browser.findElement(By.id("start")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "finished"));
		assertThat(browser.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("3 of 3 replayed");
		screenshot("console-replay-job");

		browser.get("http://localhost:" + this.port + "/console/replay-jobs/new?q=" + large);
		browser.findElement(By.id("start")).click();
		// the running job's page refreshes itself: the button may be replaced between
		// finding and clicking it
		clickUntil(wait, By.id("cancel"),
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "cancel"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1 .badge"), "cancelled"));
		assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Cancelled");
		browser.findElement(By.linkText("Replay jobs")).click();
		wait.until(ExpectedConditions.titleContains("Replay jobs"));
		assertThat(browser.findElement(By.cssSelector("table")).getText()).contains("cancelled").contains("finished");
		screenshot("console-replay-jobs");
	}

	@Test
	void aViewerFindsNoReplayButtonAndAForgedReplayFromItsOwnPageIsRefused() throws IOException {
		int issue = 50000 + (int) (Math.random() * 9999);
		String eventId = send("viewer-" + UUID.randomUUID(), issue);
		this.rabbit.receive(OWNER_QUEUE, 5000);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		signIn(wait, GatewayIntegrationTest.VIEWER_KEY);

		browser.get("http://localhost:" + this.port + "/console/deliveries/" + eventId);
		wait.until(ExpectedConditions.titleContains("Delivery"));
		assertThat(browser.findElements(By.id("replay"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".top .role")).getText()).isEqualTo("viewer");
		assertThat(browser.findElement(By.cssSelector(".read-only")).getText()).contains("it may look, not replay");
		screenshot("console-delivery-viewer");

		// the page has no script and allows none: the test adds the form a forger would
		// (same origin, the session's own CSRF token from the sign-out form)
		browser.executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/console/deliveries/' + arguments[0] + '/replay';
				const csrf = document.createElement('input');
				csrf.type = 'hidden'; csrf.name = '_csrf';
				csrf.value = document.querySelector('input[name=_csrf]').value;
				form.appendChild(csrf);
				document.body.appendChild(form);
				form.submit();""", eventId);
		wait.until(ExpectedConditions.titleContains("Not allowed"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed for this key");
		screenshot("console-forbidden");
		browser.get("http://localhost:" + this.port + "/console/deliveries/" + eventId);
		assertThat(browser.findElement(By.xpath("//dt[text()='Replays']/following-sibling::dd[1]")).getText())
			.as("nothing was replayed")
			.isEqualTo("0");

		browser.findElement(By.linkText("Audit")).click();
		wait.until(ExpectedConditions.titleContains("Audit"));
		WebElement refusal = browser.findElement(By.cssSelector("table.audit tbody tr"));
		assertThat(refusal.getText()).contains("auditor")
			.contains("delivery.replay")
			.contains(eventId)
			.contains("refused");
		screenshot("console-audit");

		stubFor(get(urlEqualTo("/readyz")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		browser.findElement(By.linkText("Health")).click();
		wait.until(ExpectedConditions.titleContains("Health"));
		assertThat(browser.findElement(By.cssSelector("table.health")).getText()).contains("gateway")
			.contains("unreachable")
			.contains("check that issue-sync-service runs");
		browser.manage().window().setSize(new Dimension(1280, 1500));
		screenshot("console-health");
		browser.manage().window().setSize(new Dimension(1280, 900));
	}

	/**
	 * Clicks what the locator finds until {@code done} holds, for pages that load or
	 * refresh themselves: an element found in one document and clicked after the next has
	 * replaced it fails the click, which is then tried again on the new document.
	 */
	private static void clickUntil(WebDriverWait wait, By locator, ExpectedCondition<?> done) {
		wait.until((driver) -> {
			Object reached = done.apply(driver);
			if (reached != null && !Boolean.FALSE.equals(reached)) {
				return true;
			}
			try {
				driver.findElement(locator).click();
			}
			catch (WebDriverException ex) {
				// not there yet, or replaced between finding and clicking: look again
			}
			return null;
		});
	}

	private void signIn(WebDriverWait wait) {
		signIn(wait, GatewayIntegrationTest.ADMIN_KEY);
	}

	private void signIn(WebDriverWait wait, String key) {
		browser.get("http://localhost:" + this.port + "/console/login");
		browser.findElement(By.id("key")).sendKeys(key);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/console/deliveries"));
	}

	private String send(String deliveryId, int issue) {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":7,\"number\":" + issue
				+ ",\"title\":\"Widgets crash on save\",\"state\":\"closed\",\"state_reason\":\"completed\"},"
				+ "\"repository\":{\"full_name\":\"acme/widgets\"},\"sender\":{\"login\":\"octocat\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = new WebhookClient(this.port).github("issues", deliveryId, body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private static void screenshot(String name) throws IOException {
		File shot = browser.getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), Path.of("target", name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
