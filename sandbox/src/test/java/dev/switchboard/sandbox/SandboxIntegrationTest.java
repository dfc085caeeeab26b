package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox on a random port, reporting to the {@link StubGateway}: one Spring context
 * for every integration test of the module (same configuration), calls paced at 100 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sandbox.github-secret=test-github", "sandbox.zendesk-secret=test-zendesk",
				"sandbox.jira-secret=" + SandboxIntegrationTest.JIRA_SECRET,
				"sandbox.jira-api-token=" + SandboxIntegrationTest.JIRA_TOKEN,
				"sandbox.twilio-account-sid=" + SandboxIntegrationTest.TWILIO_ACCOUNT,
				"sandbox.twilio-auth-token=" + SandboxIntegrationTest.TWILIO_TOKEN,
				"sandbox.remote-session-secret=" + SandboxIntegrationTest.REMOTE_SESSION_SECRET,
				"sandbox.statuspage-token=" + SandboxIntegrationTest.STATUSPAGE_TOKEN,
				"sandbox.teamviewer-token=" + SandboxIntegrationTest.TEAMVIEWER_TOKEN,
				"sandbox.guacamole-secret-key=" + SandboxIntegrationTest.GUACAMOLE_KEY,
				"sandbox.gateway-api-key=test-admin-key", "sandbox.call-beat=100ms" })
public abstract class SandboxIntegrationTest {

	public static final String TWILIO_ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	public static final String TWILIO_TOKEN = "test-twilio-token";

	public static final String JIRA_SECRET = "test-jira-secret";

	public static final String JIRA_TOKEN = "test-jira-token";

	public static final String REMOTE_SESSION_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	public static final String STATUSPAGE_TOKEN = "test-statuspage-token-0123456789abcdef";

	public static final String TEAMVIEWER_TOKEN = "test-teamviewer-token";

	/** guacamole-auth-json's example key. */
	public static final String GUACAMOLE_KEY = "4C0B569E4C96DF157EEE1B65DD0E4D41";

	protected final HttpClient http = HttpClient.newHttpClient();

	protected final StubGateway gateway = StubGateway.get();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry registry) {
		registry.add("sandbox.gateway-url", () -> StubGateway.get().url());
	}

	protected URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
