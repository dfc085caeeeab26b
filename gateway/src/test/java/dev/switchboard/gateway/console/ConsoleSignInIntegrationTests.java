package dev.switchboard.gateway.console;

import static dev.switchboard.gateway.console.ConsoleClient.csrfOf;
import static dev.switchboard.gateway.console.ConsoleClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.switchboard.contracts.Destinations;
import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's door over HTTP: no session → sign-in page (or 401 for anything but a
 * page), a wrong key refused, a key exchanged for a HttpOnly, Secure, SameSite=Strict
 * cookie that opens the console but never the admin API, changes refused without the
 * session's CSRF token or from another site, hostile spellings refused by the path rule
 * even with a valid cookie; and the pages themselves: summary and search without bodies,
 * masked headers, replay, a dead letter discarded after its confirmation page.
 */
@GatewayIntegrationTest
class ConsoleSignInIntegrationTests {

	private static final String DLQ = Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND,
			ServiceNames.REMOTE_SESSION);

	@LocalServerPort
	int port;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	RabbitAdmin admin;

	ConsoleClient console;

	@BeforeEach
	void setUp() {
		this.console = new ConsoleClient(this.port);
	}

	@Test
	void sendsAPageWithoutASessionToSignInAndAnswersAnythingElse401() {
		HttpResponse<String> page = this.console.page("/console/deliveries");
		HttpResponse<String> api = this.console.get("/console/deliveries", Map.of("Accept", "application/json"));
		HttpResponse<String> post = this.console.post("/console/deliveries/" + UUID.randomUUID() + "/replay",
				form("_csrf", "x"), Map.of());

		assertThat(page.statusCode()).isEqualTo(303);
		assertThat(page.headers().firstValue("Location")).hasValue("/console/login");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.body()).contains("urn:switchboard:problem:console:unauthorized");
		assertThat(post.statusCode()).isEqualTo(401);
		HttpResponse<String> signIn = this.console.page("/console/login");
		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(signIn.body()).contains("name=\"key\"").contains("type=\"password\"");
		assertThat(signIn.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline"));
	}

	@Test
	void refusesAKeyThatIsNotConfiguredWithoutACookie() {
		HttpResponse<String> response = this.console.signIn("not-a-key");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.body()).contains("not one of the gateway");
		assertThat(this.console.cookie()).isNull();
	}

	@Test
	void exchangesTheKeyForAStrictHttpOnlySecureCookieThatOpensTheConsoleButNotTheAdminApi() {
		HttpResponse<String> plain = new ConsoleClient(this.port).signIn(GatewayIntegrationTest.ADMIN_KEY);
		assertThat(plain.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying((cookie) -> assertThat(cookie).as("plain http: a Secure cookie would never come back")
				.doesNotContain("Secure"));

		HttpResponse<String> response = this.console.signIn(GatewayIntegrationTest.ADMIN_KEY,
				Map.of("X-Forwarded-Proto", "https"));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location")).hasValue("/console/deliveries");
		String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).contains("HttpOnly")
			.contains("SameSite=Strict")
			.contains("Secure")
			.contains("Path=/console")
			.contains("Max-Age=")
			.doesNotContain(GatewayIntegrationTest.ADMIN_KEY);
		HttpResponse<String> page = this.console.page("/console/deliveries");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Deliveries").contains("key <strong>ops</strong>");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(this.console.get("/api/deliveries", Map.of()).statusCode()).isEqualTo(401);

		String csrf = csrfOf(page.body());
		assertThat(this.console.post("/console/logout", form("_csrf", csrf), Map.of()).statusCode()).isEqualTo(303);
		assertThat(this.console.page("/console/deliveries").statusCode()).as("the session ended with sign-out")
			.isEqualTo(303);
	}

	@Test
	void refusesChangesWithoutTheSessionsCsrfTokenOrFromAnotherSite() {
		String id = publishedDelivery("csrf-" + UUID.randomUUID(), 4711);
		this.console.signIn(GatewayIntegrationTest.ADMIN_KEY);
		String csrf = csrfOf(this.console.page("/console/deliveries/" + id).body());
		String replay = "/console/deliveries/" + id + "/replay";

		HttpResponse<String> missing = this.console.post(replay, Map.of(), Map.of());
		HttpResponse<String> wrong = this.console.post(replay, form("_csrf", csrf + "x"), Map.of());
		HttpResponse<String> crossSite = this.console.post(replay, form("_csrf", csrf),
				Map.of("Origin", "https://attacker.example", "Sec-Fetch-Site", "cross-site"));
		HttpResponse<String> otherOrigin = this.console.post(replay, form("_csrf", csrf),
				Map.of("Origin", "https://attacker.example"));

		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(missing.body()).contains("urn:switchboard:problem:console:csrf");
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(crossSite.statusCode()).isEqualTo(403);
		assertThat(otherOrigin.statusCode()).isEqualTo(403);
		HttpResponse<String> good = this.console.post(replay, form("_csrf", csrf),
				Map.of("Origin", "http://localhost:" + this.port, "Sec-Fetch-Site", "same-origin"));
		assertThat(good.statusCode()).isEqualTo(303);
		assertThat(good.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/console/deliveries/" + id + "?notice=replayed"));
	}

	@Test
	void everyPageWithoutASessionGoesToSignInAndShowsNothing() {
		for (String page : List.of("/console/health", "/console/audit", "/console/timeline?value=4711",
				"/console/dead-letters", "/console/dead-letters/webhooks.inbound.issue-sync-service.dlq/replay-all",
				"/console/dead-letter-jobs/" + UUID.randomUUID(), "/console/replay-jobs", "/console/links",
				"/console/subscriptions", "/console/calls", "/console/sessions")) {
			HttpResponse<String> answer = this.console.page(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(303);
			assertThat(answer.headers().firstValue("Location")).as(page).hasValue("/console/login");
			assertThat(this.console.get(page, Map.of("Accept", "application/json")).statusCode()).as(page)
				.isEqualTo(401);
		}
	}

	@Test
	void refusesHostileSpellingsOfConsolePathsEvenWithAValidCookie() throws IOException {
		this.console.signIn(GatewayIntegrationTest.ADMIN_KEY);
		String cookie = Objects.requireNonNull(this.console.cookie(), "the admin key signs in");
		for (String spelling : List.of("/%63onsole/deliveries", "/console;x/deliveries", "/console/deliveries;x",
				"/x/../console/deliveries", "//console/deliveries", "/console/deliveries/", "/console/./deliveries",
				"/webhooks/../console/deliveries", "/console/%2e%2e/api/deliveries", "/console/..%2fapi/deliveries",
				"/console\\deliveries", "/console/login/", "/console/login;x", "/console/assets/..%2f..%2fapi")) {
			String answer = raw("GET", spelling, cookie);
			assertThat(answer).as(spelling).startsWith("HTTP/1.1 400");
			assertThat(answer).as(spelling).doesNotContain("<h1>Deliveries</h1>");
		}
		for (String notConsole : List.of("/consolex", "/Console/deliveries", "/CONSOLE/deliveries")) {
			assertThat(raw("GET", notConsole, cookie)).as(notConsole)
				.startsWith("HTTP/1.1 401")
				.contains("urn:switchboard:problem:admin:unauthorized");
		}
	}

	@Test
	void listsWhatEachDeliveryWasAboutFindsItByAValueInItsBodyAndNeverShowsItsSignature() {
		String deliveryId = "about-" + UUID.randomUUID();
		int issue = 90000 + (int) (Math.random() * 9999);
		String id = publishedDelivery(deliveryId, issue);
		this.console.signIn(GatewayIntegrationTest.ADMIN_KEY);

		HttpResponse<String> found = this.console.page("/console/deliveries?q=" + deliveryId.substring(6));
		assertThat(found.body()).contains("issues closed acme/widgets#" + issue).contains(deliveryId);
		HttpResponse<String> byBody = this.console.page("/console/deliveries?provider=github&q=" + issue);
		assertThat(byBody.body()).contains(deliveryId)
			.contains("1 delivery")
			.contains("<a href=\"/console/deliveries\">Clear</a>");
		assertThat(this.console.page("/console/deliveries?q=nothing-has-this-" + UUID.randomUUID()).body())
			.contains("No delivery matches this filter");

		HttpResponse<String> page = this.console.page("/console/deliveries/" + id);
		assertThat(page.body()).contains("x-github-delivery")
			.contains("x-github-event")
			.doesNotContain("sha256=")
			.contains("&quot;number&quot; : " + issue);
		assertThat(this.console.page("/console/timeline?value=" + issue).body())
			.contains("github: issues closed acme/widgets#" + issue)
			.contains("/console/deliveries/" + id);
	}

	@Test
	void escapesWhatADeliveryCarries() {
		String deliveryId = "xss-" + UUID.randomUUID();
		byte[] body = ("{\"action\":\"<script>alert(1)</script>\",\"repository\":{\"full_name\":\"a/<b>\"}}")
			.getBytes(StandardCharsets.UTF_8);
		new WebhookClient(this.port).github("issues", deliveryId, body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		this.console.signIn(GatewayIntegrationTest.ADMIN_KEY);

		String list = this.console.page("/console/deliveries?q=" + deliveryId).body();

		assertThat(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(list).doesNotContain("<b>");
	}

	@Test
	void showsADeadLetterWithItsReasonAndDiscardsItOnlyAfterTheConfirmation() {
		this.admin.purgeQueue(DLQ, false);
		String messageId = "poison-" + UUID.randomUUID();
		MessageProperties properties = new MessageProperties();
		properties.setMessageId(messageId);
		properties.setHeader("x-exception-message", "cannot read this <session> event");
		properties.setHeader("x-original-routingKey", "remote-session.session.ended");
		this.rabbit.send("", DLQ,
				new Message("{\"type\":\"session.ended\"}".getBytes(StandardCharsets.UTF_8), properties));
		this.console.signIn(GatewayIntegrationTest.ADMIN_KEY);

		String list = this.console.page("/console/dead-letters").body();
		assertThat(list).contains(DLQ).contains("cannot read this &lt;session&gt; event").contains("1 message");
		String letter = this.console.page("/console/dead-letters/" + DLQ + "?message=" + messageId).body();
		assertThat(letter).contains("&quot;type&quot; : &quot;session.ended&quot;");
		String confirm = this.console.page("/console/dead-letters/" + DLQ + "/discard?message=" + messageId).body();
		assertThat(confirm).contains("Discard this message?");
		assertThat(depth(DLQ)).as("asking does not discard").isEqualTo(1);

		HttpResponse<String> discarded = this.console.post("/console/dead-letters/" + DLQ + "/discard",
				form("_csrf", csrfOf(confirm), "message", messageId), Map.of());

		assertThat(discarded.statusCode()).isEqualTo(303);
		assertThat(depth(DLQ)).isZero();
		assertThat(this.console.page("/console/dead-letters?notice=discarded").body())
			.contains("The message was discarded.");
	}

	private String publishedDelivery(String deliveryId, int issue) {
		byte[] body = ("{\"action\":\"closed\",\"issue\":{\"id\":1,\"number\":" + issue
				+ ",\"state\":\"closed\"},\"repository\":{\"full_name\":\"acme/widgets\"}}")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> accepted = new WebhookClient(this.port).github("issues", deliveryId, body,
				WebhookClient.githubSignature(GatewayIntegrationTest.GITHUB_SECRET, body));
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private long depth(String queue) {
		return Objects.requireNonNull(this.admin.getQueueInfo(queue), () -> queue + " is declared by the gateway")
			.getMessageCount();
	}

	/** A request line exactly as written (clients normalise hostile paths). */
	private String raw(String method, String target, String cookie) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Accept: text/html\r\nCookie: " + cookie + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
