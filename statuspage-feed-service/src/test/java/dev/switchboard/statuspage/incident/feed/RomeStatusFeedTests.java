package dev.switchboard.statuspage.incident.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.io.FeedException;
import dev.switchboard.statuspage.incident.FeedEntry;
import dev.switchboard.statuspage.incident.FeedFetch;
import dev.switchboard.statuspage.incident.FeedProperties;
import dev.switchboard.statuspage.incident.IncidentUpdate;
import dev.switchboard.statuspage.incident.StatusTrail;
import dev.switchboard.statuspage.incident.Unreachable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class RomeStatusFeedTests {

	static WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());

	@BeforeAll
	static void start() {
		server.start();
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@Test
	void readsEveryUpdateOfAStatuspageAtomTrailOldestFirst() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("cdn-history-3.atom")));

		List<IncidentUpdate> updates = StatusTrail.read(entries.get(0));

		assertThat(updates).extracting(IncidentUpdate::incidentCode).containsOnly("p3zrvw7mg8hd");
		assertThat(updates).extracting(IncidentUpdate::postedAt)
			.containsExactly(Instant.parse("2026-11-23T10:09:00Z"), Instant.parse("2026-11-23T10:20:00Z"),
					Instant.parse("2026-11-23T10:25:00Z"));
		assertThat(updates).extracting(IncidentUpdate::status)
			.containsExactly("investigating", "identified", "monitoring");
		assertThat(updates.get(0).text()).startsWith("We are investigating elevated 5xx error rates");
		assertThat(updates.get(0).title()).isEqualTo("Elevated error rates on the CDN in Europe");
	}

	@Test
	void givesEveryUpdateOfAStatuspageEntryTheComponentsItNames() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("api-errors-history.atom")));

		List<IncidentUpdate> updates = StatusTrail.read(entries.get(0));

		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.components()).containsExactly("API", "Dashboard");
			assertThat(update.status()).isEqualTo("investigating");
			assertThat(update.text()).endsWith("We are investigating.").doesNotContain("affected");
		});
	}

	@Test
	void leavesTheComponentsUnknownWhenAnEntryNamesNone() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed
			.entries(RomeStatusFeed.parse(fixture("api-errors-history-unnamed.atom")));

		assertThat(StatusTrail.read(entries.get(0))).singleElement()
			.satisfies((update) -> assertThat(update.components()).isNull());
	}

	@Test
	void readsTheStatusesOfAMaintenance() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("cdn-history-3.atom")));

		assertThat(StatusTrail.read(entries.get(1))).extracting(IncidentUpdate::status)
			.containsExactly("scheduled", "in_progress", "verifying", "completed");
	}

	@Test
	void takesTheYearFromTheEntryAcrossTheTurnOfTheYear() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("new-year.atom")));

		assertThat(StatusTrail.read(entries.get(0))).extracting(IncidentUpdate::postedAt)
			.containsExactly(Instant.parse("2026-12-31T23:50:00Z"), Instant.parse("2027-01-01T00:15:00Z"));
	}

	@Test
	void readsAnRssTrailWithSecondsAndGmtPlusZeroToTheMinute() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("api-history.rss")));

		List<IncidentUpdate> updates = StatusTrail.read(entries.get(0));

		assertThat(updates).extracting(IncidentUpdate::incidentCode).containsOnly("q7ltw2c9x5mb");
		assertThat(updates).extracting(IncidentUpdate::postedAt)
			.containsExactly(Instant.parse("2026-11-23T10:09:00Z"), Instant.parse("2026-11-23T10:41:00Z"));
		assertThat(updates).extracting(IncidentUpdate::status).containsExactly("investigating", "monitoring");
	}

	@Test
	void makesOneUpdateOfAnEntryOfAPlainFeed() throws Exception {
		List<FeedEntry> entries = RomeStatusFeed.entries(RomeStatusFeed.parse(fixture("blog.rss")));

		List<IncidentUpdate> updates = StatusTrail.read(entries.get(0));

		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.incidentCode()).isEqualTo("announcement-8841");
			assertThat(update.status()).isEqualTo("update");
			assertThat(update.postedAt()).isEqualTo(Instant.parse("2026-11-23T10:12:00Z"));
			assertThat(update.text()).isEqualTo("We will upgrade the core routers in FRA1 on Dec 2.");
		});
	}

	@Test
	void refusesADocumentWithADoctype() {
		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> RomeStatusFeed.parse(fixture("xxe.atom")));
	}

	@Test
	void refusesAFeedThatResolvesToALoopbackAddressByDefault() {
		server.stubFor(get("/private.atom").willReturn(aResponse().withBody(fixture("cdn-history-1.atom"))));

		FeedFetch fetch = feed(false, DataSize.ofMegabytes(2)).fetch(server.baseUrl() + "/private.atom", null, null);

		assertThat(fetch).isInstanceOfSatisfying(FeedFetch.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("refused"));
		server.verify(0, getRequestedFor(urlEqualTo("/private.atom")));
	}

	@Test
	void refusesARedirectToALoopbackAddress() {
		server.stubFor(get("/moved.atom").willReturn(aResponse().withStatus(302)
			.withHeader("Location", "http://127.0.0.1:" + server.port() + "/private.atom")));

		FeedFetch fetch = feed(false, DataSize.ofMegabytes(2))
			.fetch("http://localhost:" + server.port() + "/moved.atom", null, null);

		assertThat(fetch).isInstanceOf(FeedFetch.Failed.class);
		server.verify(0, getRequestedFor(urlEqualTo("/private.atom")));
	}

	@Test
	void refusesPrivateLinkLocalAndMetadataAddresses() throws Exception {
		for (String address : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1",
				"100.64.0.1", "::1", "fd00::1", "0.0.0.0")) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
		assertThat(PublicAddresses.isPublic(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946"))).isTrue();
	}

	@Test
	void refusesIpv6FormsThatCarryAnIpv4Address() throws Exception {
		// compatible, NAT64 (well-known and local-use), 6to4, Teredo, and a mapped
		// address
		// the JDK did not unwrap
		for (String address : List.of("::127.0.0.1", "::a9fe:a9fe", "::5db8:d822", "64:ff9b::7f00:1",
				"64:ff9b::5db8:d822", "64:ff9b:1::a00:1", "2002:7f00:1::", "2002:5db8:d822::",
				"2001:0:4136:e378:8000:63bf:3fff:fdd2", "::")) {
			assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
		}
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		mapped[12] = 127;
		mapped[15] = 1;
		assertThat(PublicAddresses.isPublic(Inet6Address.getByAddress(null, mapped, null))).isFalse();
	}

	@Test
	void refusesAnIpLiteralBeforeConnectingToIt() throws Exception {
		OkHttpClient client = new UserUrlHttpConfiguration()
			.userUrlHttpClient(properties(false, DataSize.ofMegabytes(2)));
		try (ServerSocket internal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			internal.setSoTimeout(300);
			// OkHttp takes these as addresses and never asks the Dns
			for (String host : List.of("127.0.0.1", "127.1", "2130706433", "[::ffff:127.0.0.1]")) {
				Request request = new Request.Builder().url("http://" + host + ":" + internal.getLocalPort() + "/")
					.build();

				assertThatExceptionOfType(IOException.class).as(host)
					.isThrownBy(() -> client.newCall(request).execute().close())
					.satisfies((failure) -> assertThat(Unreachable.of(failure)).isEqualTo(Unreachable.REFUSED));
				assertThatExceptionOfType(SocketTimeoutException.class).as("a connection to " + host)
					.isThrownBy(() -> internal.accept().close());
			}
		}
	}

	@Test
	void asksConditionallyAndTakesA304AsUnchanged() {
		server.stubFor(get("/etag.atom").withHeader("If-None-Match", equalTo("\"v7\""))
			.willReturn(aResponse().withStatus(304)));

		FeedFetch fetch = feed(true, DataSize.ofMegabytes(2)).fetch(server.baseUrl() + "/etag.atom", "\"v7\"",
				"Mon, 23 Nov 2026 10:09:41 GMT");

		assertThat(fetch).isInstanceOf(FeedFetch.NotModified.class);
		server.verify(getRequestedFor(urlEqualTo("/etag.atom")).withHeader("If-Modified-Since",
				equalTo("Mon, 23 Nov 2026 10:09:41 GMT")));
	}

	@Test
	void refusesAFeedLargerThanTheCap() {
		server.stubFor(get("/large.atom").willReturn(aResponse().withBody(fixture("cdn-history-3.atom"))));

		FeedFetch fetch = feed(true, DataSize.ofKilobytes(2)).fetch(server.baseUrl() + "/large.atom", null, null);

		assertThat(fetch).isInstanceOfSatisfying(FeedFetch.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("larger than"));
	}

	@Test
	void reportsAFeedThatDoesNotAnswerInTimeAsFailed() {
		server.stubFor(get("/slow.atom").willReturn(aResponse().withFixedDelay(4000).withBody("<feed/>")));

		FeedFetch fetch = feed(true, DataSize.ofMegabytes(2)).fetch(server.baseUrl() + "/slow.atom", null, null);

		assertThat(fetch).isInstanceOf(FeedFetch.Failed.class);
	}

	@Test
	void reportsAServerErrorAndAMalformedBodyAsFailed() {
		server.stubFor(get("/down.atom").willReturn(aResponse().withStatus(503)));
		server.stubFor(get("/html.atom").willReturn(aResponse().withBody("<html><body>Maintenance</body></html>")));
		RomeStatusFeed feed = feed(true, DataSize.ofMegabytes(2));

		assertThat(feed.fetch(server.baseUrl() + "/down.atom", null, null)).isEqualTo(new FeedFetch.Failed("HTTP 503"));
		assertThat(feed.fetch(server.baseUrl() + "/html.atom", null, null)).isInstanceOf(FeedFetch.Failed.class);
	}

	private static RomeStatusFeed feed(boolean allowPrivate, DataSize cap) {
		FeedProperties properties = properties(allowPrivate, cap);
		return new RomeStatusFeed(new UserUrlHttpConfiguration().userUrlHttpClient(properties), properties,
				new SimpleMeterRegistry(), new PublicCustomerUrls(properties));
	}

	static FeedProperties properties(boolean allowPrivate, DataSize cap) {
		return new FeedProperties(Duration.ofSeconds(30), Duration.ofSeconds(5), 8, Duration.ofHours(1),
				Duration.ofSeconds(60), allowPrivate, false, cap, Duration.ofSeconds(1), Duration.ofSeconds(2),
				Duration.ofMinutes(10), 3, Duration.ofDays(30));
	}

	static byte[] fixture(String name) {
		try (InputStream in = RomeStatusFeedTests.class.getResourceAsStream("/feeds/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
