package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.gateway.ProviderRequests;
import dev.switchboard.gateway.ProviderRequests.Signed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What can be refused from the request line and headers is refused before a byte of the
 * body is read: each request below announces a body of a megabyte and sends none, and
 * still gets its answer (a gateway that waited for the body would answer nothing within
 * the timeout).
 */
@GatewayIntegrationTest
class EarlyRefusalIntegrationTests {

	/**
	 * Under every provider's limit (1MB but GitHub here), so that only the headers
	 * decide.
	 */
	private static final long ANNOUNCED = 1_000_000;

	@LocalServerPort
	int port;

	static Stream<Arguments> refusableFromTheHeaders() {
		Signed github = ProviderRequests.github("early-1", "{}".getBytes(StandardCharsets.UTF_8));
		Signed zendesk = ProviderRequests.zendesk("early-2", Instant.now());
		Signed remote = ProviderRequests.remoteSession("msg_early3", Instant.now().getEpochSecond());
		Signed statuspage = ProviderRequests.statuspage("early-4");
		return Stream
			.of(Arguments.of("unknown provider", "/webhooks/gitlab", Map.of(), 404),
					Arguments.of("github without a signature", github.path(),
							github.withoutHeader("X-Hub-Signature-256").headers(), 401),
					Arguments.of("github with a signature of the wrong form", github.path(),
							github.withHeader("X-Hub-Signature-256", "sha1=abc").headers(), 401),
					Arguments.of("jira without a signature", "/webhooks/jira",
							ProviderRequests.jira("early-5").withoutHeader("X-Hub-Signature").headers(), 401),
					Arguments.of("zendesk signed an hour ago", zendesk.path(),
							ProviderRequests.zendesk("early-6", Instant.now().minusSeconds(3600)).headers(), 401),
					Arguments.of("zendesk without a timestamp", zendesk.path(),
							zendesk.withoutHeader("X-Zendesk-Webhook-Signature-Timestamp").headers(), 401),
					Arguments.of("twilio without a signature", "/webhooks/twilio",
							ProviderRequests.twilio("early-7").withoutHeader("X-Twilio-Signature").headers(), 401),
					Arguments.of("standard webhooks signed an hour ago", remote.path(),
							ProviderRequests.remoteSession("msg_early8", Instant.now().getEpochSecond() - 3600)
								.headers(),
							401),
					Arguments.of("statuspage with a wrong token", "/webhooks/statuspage/" + "x".repeat(40),
							statuspage.headers(), 401),
					Arguments.of("statuspage with a token of the wrong form", "/webhooks/statuspage/short",
							statuspage.headers(), 401),
					Arguments.of("github declaring more than its limit", github.path(),
							Map.of("Content-Length-Override", Long.toString(64L * 1024 * 1024)), 413));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusableFromTheHeaders")
	void answersBeforeReadingTheBody(String name, String path, Map<String, String> headers, int status)
			throws IOException {
		long length = headers.containsKey("Content-Length-Override")
				? Long.parseLong(headers.get("Content-Length-Override")) : ANNOUNCED;
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(5000);
			StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			headers.forEach((header, value) -> {
				if (!header.equals("Content-Length-Override")) {
					request.append(header).append(": ").append(value).append("\r\n");
				}
			});
			request.append("Content-Length: ").append(length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String statusLine = readStatusLine(socket.getInputStream());
			assertThat(statusLine).as(name).startsWith("HTTP/1.1 " + status);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError(name + ": no answer before the body was sent", ex);
		}
	}

	private static String readStatusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			line.append((char) c);
		}
		return line.toString().trim();
	}

}
