package dev.switchboard.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
 * screenshots go to {@code target/console-*.png}.
 */
@GatewayIntegrationTest
class ConsoleBrowserIntegrationTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

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
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
			.as("Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
			.isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signsInFindsASignedDeliveryByAValueInItsBodyAndReplaysItToTheOwnersQueue() throws IOException {
		this.admin.purgeQueue(OWNER_QUEUE, false);
		int issue = 40000 + (int) (Math.random() * 9999);
		String deliveryId = "browser-" + UUID.randomUUID();
		String eventId = send(deliveryId, issue);
		Message first = this.rabbit.receive(OWNER_QUEUE, 5000);
		assertThat(first).isNotNull();
		assertThat(first.getMessageProperties().getMessageId()).isEqualTo(eventId);
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

		browser.get("http://localhost:" + this.port + "/console/deliveries");
		assertThat(browser.getCurrentUrl()).endsWith("/console/login");
		screenshot("console-sign-in");
		browser.findElement(By.id("key")).sendKeys(GatewayIntegrationTest.ADMIN_KEY);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/console/deliveries"));
		Cookie session = browser.manage().getCookieNamed("switchboard_console");
		assertThat(session).isNotNull();
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Strict");
		assertThat(browser.getCurrentUrl()).doesNotContain(GatewayIntegrationTest.ADMIN_KEY);

		browser.findElement(By.id("q")).sendKeys(Integer.toString(issue));
		browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
		String about = "issues closed acme/widgets#" + issue;
		wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(about)));
		assertThat(browser.findElement(By.cssSelector(".count")).getText()).isEqualTo("1 delivery");
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
		Message replayed = this.rabbit.receive(OWNER_QUEUE, 5000);
		assertThat(replayed).isNotNull();
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
