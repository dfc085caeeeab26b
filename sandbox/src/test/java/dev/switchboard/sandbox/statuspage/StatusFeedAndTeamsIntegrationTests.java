package dev.switchboard.sandbox.statuspage;

import dev.switchboard.sandbox.Sandbox;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.teams.TeamsChannels;
import dev.switchboard.sandbox.teams.Workflow;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page's feed with its conditional GET, as statuspage-feed polls it, and a
 * Teams Workflows webhook, as statuspage-feed posts to it.
 */
@SandboxIntegrationTest
class StatusFeedAndTeamsIntegrationTests {

	@Autowired
	Sandbox sandbox;

	@Autowired
	StatusPage page;

	@Autowired
	TeamsChannels teams;

	@Test
	void answersAnUnchangedFeed304ByEtagOrDateAndAChangedOne200() throws Exception {
		this.page.open("Dashboard slow", "minor", List.of("Dashboard"), "Looking into it.");
		HttpResponse<String> read = feed(null, null);
		String etag = read.headers().firstValue("ETag").orElseThrow();
		String lastModified = read.headers().firstValue("Last-Modified").orElseThrow();

		HttpResponse<String> byEtag = feed(etag, null);
		HttpResponse<String> byDate = feed(null, lastModified);
		this.page.post(this.page.open().orElseThrow().code(), "identified", "Found it.");
		HttpResponse<String> changed = feed(etag, lastModified);

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/atom+xml"));
		assertThat(read.body()).contains("<title>Dashboard slow</title>");
		assertThat(byEtag.statusCode()).isEqualTo(304);
		assertThat(byDate.statusCode()).isEqualTo(304);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("&lt;strong&gt;Identified&lt;/strong&gt;");
	}

	@Test
	void takesACardAtTheWorkflowsUrlAndRefusesAForgedSig() throws Exception {
		Workflow workflow = this.teams.workflow("Initech › Status");
		String url = workflow.url("http://localhost:" + this.sandbox.port());
		String card = "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\","
				+ "\"content\":{\"type\":\"AdaptiveCard\",\"version\":\"1.4\",\"body\":[{\"type\":\"TextBlock\",\"text\":\"Hi\"}]}}]}";

		HttpResponse<String> accepted = post(url, card);
		HttpResponse<String> forged = post(url.replace("sig=" + workflow.sig(), "sig=forged"), card);

		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(this.teams.byChannel().get("Initech › Status")).singleElement()
			.satisfies((post) -> assertThat(post.card().summary()).isEqualTo("Hi"));
	}

	private HttpResponse<String> post(String url, String body) throws Exception {
		return this.sandbox.send(HttpRequest.newBuilder(java.net.URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> feed(@Nullable String etag, @Nullable String lastModified) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.sandbox.url("/statuspage/history.atom"));
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		if (lastModified != null) {
			request.header("If-Modified-Since", lastModified);
		}
		return this.sandbox.send(request);
	}

}
