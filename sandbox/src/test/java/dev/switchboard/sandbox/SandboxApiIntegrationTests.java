package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.switchboard.sandbox.github.IssueTracker;
import dev.switchboard.sandbox.zendesk.Helpdesk;
import dev.switchboard.sandbox.zendesk.Ticket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated APIs over HTTP, as the services call them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sandbox.github-secret=test-github", "sandbox.zendesk-secret=test-zendesk" })
class SandboxApiIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Helpdesk helpdesk;

	@Autowired
	IssueTracker github;

	@Test
	void answersAClosedTicketsReopeningWith422() throws Exception {
		long requester = this.helpdesk.addUser("Dana", "dana@example.com", "end-user").id();
		Ticket ticket = this.helpdesk.open("Old problem", requester, "It failed.", "closed");

		HttpResponse<String> answer = send(HttpRequest.newBuilder(url("/api/v2/tickets/" + ticket.id() + ".json"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"ticket\":{\"comment\":{\"body\":\"Closed\",\"public\":false},\"status\":\"open\"}}")));

		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.body()).contains("closed prevents ticket update");
	}

	@Test
	void answersA429WithRetryAfterToASecondPostInASecond() throws Exception {
		HttpRequest.Builder post = HttpRequest.newBuilder(url("/slack/api/chat.postMessage"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C-pacing\",\"text\":\"Investigating\"}"));

		HttpResponse<String> first = send(post);
		HttpResponse<String> second = send(post);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("\"ok\":true", "\"ts\":");
		assertThat(second.statusCode()).isEqualTo(429);
		assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
	}

	@Test
	void answersAnUnchangedIssueWith304() throws Exception {
		int number = this.github.open("octo-org/widgets", "It burns").number();
		URI issue = url("/github/repos/octo-org/widgets/issues/" + number);

		HttpResponse<String> read = send(HttpRequest.newBuilder(issue).GET());
		String etag = read.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = send(HttpRequest.newBuilder(issue).header("If-None-Match", etag).GET());

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"state\":\"open\"", "\"number\":" + number);
		assertThat(again.statusCode()).isEqualTo(304);
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
