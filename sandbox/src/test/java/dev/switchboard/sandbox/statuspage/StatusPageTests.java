package dev.switchboard.sandbox.statuspage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.switchboard.sandbox.MovableClock;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StatusPageTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T08:41:17Z"));

	private final StatusPage page = new StatusPage(this.clock);

	@Test
	void keepsTheTrailOfAnIncidentAndRefusesUpdatesOnceResolved() {
		StatusIncident opened = this.page.open("API errors", "major", List.of("API"), "Looking into it.");
		this.clock.advance(Duration.ofMinutes(2));
		this.page.post(opened.code(), "identified", "Found it.");
		StatusIncident resolved = this.page.post(opened.code(), "resolved", "Fixed.");

		assertThat(resolved.updates()).extracting(StatusIncident.Update::status)
			.containsExactly("investigating", "identified", "resolved");
		assertThat(resolved.resolved()).isTrue();
		assertThat(this.page.open()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> this.page.post(opened.code(), "monitoring", "Again?"));
		assertThat(opened.code()).matches("[a-z][a-z0-9]{11}");
	}

	@Test
	void movesItsEtagWithEveryChangeAndItsLastModifiedToTheSecond() {
		StatusPage.Validators before = this.page.validators();
		StatusIncident incident = this.page.open("API errors", "major", List.of("API"), "Looking into it.");
		StatusPage.Validators opened = this.page.validators();
		this.page.post(incident.code(), "identified", "Found it.");

		assertThat(opened.etag()).isNotEqualTo(before.etag());
		assertThat(this.page.validators().etag()).isNotEqualTo(opened.etag());
		assertThat(this.page.validators().lastModified()).isEqualTo(Instant.parse("2026-12-03T08:41:17Z"));
	}

	/**
	 * The shape statuspage-feed's {@code StatusTrail} reads (PROVIDERS.md): a trail
	 * newest first inside an entity-escaped {@code type="html"} content, the entry's link
	 * ending in the webhook's incident id, the components in a last paragraph.
	 */
	@Test
	void writesTheHistoryAsStatuspagesAtomFeed() throws Exception {
		StatusIncident incident = this.page.open("API & Dashboard errors", "major", List.of("API", "Dashboard"),
				"Looking <into> it.");
		this.clock.advance(Duration.ofMinutes(5));
		this.page.post(incident.code(), "identified", "Found it.");

		SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(AtomHistory
			.render(this.page.incidents(), Instant.parse("2026-12-03T08:46:17Z"), "http://sandbox/statuspage")
			.getBytes(StandardCharsets.UTF_8))));

		SyndEntry entry = feed.getEntries().getFirst();
		assertThat(entry.getUri()).isEqualTo("tag:status.acme-cloud.test,2005:Incident/1");
		assertThat(entry.getLink()).isEqualTo("http://sandbox/statuspage/incidents/" + incident.code());
		assertThat(entry.getTitle()).isEqualTo("API & Dashboard errors");
		assertThat(entry.getContents().getFirst().getValue()).isEqualTo("<p><small>Dec <var data-var='date'>3</var>, "
				+ "<var data-var='time'>08:46</var> UTC</small><br><strong>Identified</strong> - Found it.</p>"
				+ "<p><small>Dec <var data-var='date'>3</var>, <var data-var='time'>08:41</var> UTC</small><br>"
				+ "<strong>Investigating</strong> - Looking &lt;into&gt; it.</p>"
				+ "<p>This incident affected: API and Dashboard.</p>");
	}

	@Test
	void sendsTheWholeIncidentInItsWebhookNewestUpdateFirst() {
		StatusIncident incident = this.page.open("API errors", "major", List.of("API"), "Looking into it.");
		this.clock.advance(Duration.ofMinutes(1));
		incident = this.page.post(incident.code(), "resolved", "Fixed.");

		Map<String, Object> webhook = StatuspageEvents.incident(incident, "http://sandbox/statuspage/incidents/x");

		assertThat(((Map<?, ?>) Objects.requireNonNull(webhook.get("page"))).get("id")).isEqualTo(StatusPage.PAGE_ID);
		Map<?, ?> body = (Map<?, ?>) Objects.requireNonNull(webhook.get("incident"));
		assertThat(body.get("id")).isEqualTo(incident.code());
		assertThat(body.get("status")).isEqualTo("resolved");
		List<?> updates = (List<?>) Objects.requireNonNull(body.get("incident_updates"));
		assertThat(updates).hasSize(2);
		Map<?, ?> newest = (Map<?, ?>) updates.getFirst();
		assertThat(newest.get("status")).isEqualTo("resolved");
		assertThat(newest.get("display_at")).isEqualTo("2026-12-03T08:42:17Z");
		assertThat(newest.get("affected_components"))
			.isEqualTo(List.of(Map.of("code", StatuspageEvents.componentId("API"), "name", "API", "old_status",
					"operational", "new_status", "operational")));
	}

}
