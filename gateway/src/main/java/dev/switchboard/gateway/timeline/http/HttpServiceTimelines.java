package dev.switchboard.gateway.timeline.http;

import java.time.Duration;
import java.util.List;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.gateway.adminapi.DownstreamServices;
import dev.switchboard.gateway.timeline.ServiceTimelines;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code GET <service>/api/timeline?<parameter>=<value>} ({@link DownstreamServices}, the
 * value percent-encoded as one parameter, {@code +} included). A 400 means the value is
 * nothing the service could have dealt with (an issue URL of a tracker it does not know):
 * its part is empty. Anything else but 200 (no answer, 5xx, 401 from a wrong internal
 * token, a body that is not a timeline) throws, and the service is named missing.
 */
@Component
class HttpServiceTimelines implements ServiceTimelines {

	private static final Duration TIMEOUT = Duration.ofSeconds(6);

	private static final TypeReference<List<TimelineEntry>> ENTRIES = new TypeReference<>() {
	};

	private final DownstreamServices services;

	private final JsonMapper json;

	HttpServiceTimelines(DownstreamServices services, JsonMapper json) {
		this.services = services;
		this.json = json;
	}

	@Override
	public List<TimelineEntry> of(String service, TimelineSubject subject, String value) {
		DownstreamServices.Answer answer = this.services.get(service,
				"/api/timeline?" + DownstreamServices.query(subject.parameter(), value), TIMEOUT);
		if (answer.status() == 400) {
			return List.of();
		}
		if (answer.status() != 200) {
			throw new IllegalStateException(service + " answered " + answer.status());
		}
		List<TimelineEntry> entries = this.json.readValue(answer.body(), ENTRIES);
		return entries.stream().limit(TimelineEntry.MAX_PER_SERVICE).toList();
	}

}
