package dev.switchboard.statuspage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The fake status pages and Slack (WireMock) as the integration tests set them up, and
 * the subscription bodies they post.
 */
public final class Fakes {

	private Fakes() {
	}

	/** Serves a feed fixture under {@code src/test/resources/feeds}. */
	public static void serveFeed(WireMockServer web, String path, String fixture) {
		serveAtom(web, path, Fixtures.text("feeds/" + fixture));
	}

	public static void serveAtom(WireMockServer web, String path, String atom) {
		web.stubFor(
				get(path).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(atom)));
	}

	/** Slack answers {@code chat.postMessage} for the channel with this body. */
	public static void slackAnswers(WireMockServer slack, String channel, String body) {
		slack.stubFor(post("/chat.postMessage").withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
	}

	/**
	 * Slack accepts posts and parent edits in the channel, the parent being {@code ts}.
	 */
	public static void slackAnswersOk(WireMockServer slack, String channel, String ts) {
		String ok = "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}";
		slackAnswers(slack, channel, ok);
		slack.stubFor(post("/chat.update").withRequestBody(matchingJsonPath("$.channel", equalTo(channel)))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ok)));
	}

	/** A subscription of a plain feed, posting to a Slack channel. */
	public static String slackFeedSubscription(String name, String feedUrl, String channel) {
		return """
				{"name": "%s", "source": {"type": "feed", "url": "%s"},
				 "channel": {"type": "slack", "channelId": "%s"}}
				""".formatted(name, feedUrl, channel);
	}

}
