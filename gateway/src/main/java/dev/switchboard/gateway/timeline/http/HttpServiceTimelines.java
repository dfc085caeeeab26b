package dev.switchboard.gateway.timeline.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.contracts.TimelineSubject;
import dev.switchboard.gateway.adminapi.DownstreamProperties;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import dev.switchboard.gateway.timeline.ServiceTimelines;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET <service>/api/timeline?<parameter>=<value>} with the internal token. A 400
 * means the value is nothing the service could have dealt with (an issue URL of a tracker
 * it does not know): its part is empty. Anything else but 200 (no answer, 5xx, 401 from a
 * wrong internal token, a body that is not a timeline) throws, and the service is named
 * missing.
 */
@Component
class HttpServiceTimelines implements ServiceTimelines {

	private static final Duration TIMEOUT = Duration.ofSeconds(6);

	private static final TypeReference<List<TimelineEntry>> ENTRIES = new TypeReference<>() {
	};

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Map<String, URI> locations;

	private final String internalToken;

	private final JsonMapper json;

	HttpServiceTimelines(DownstreamProperties services, InternalTokenProperties token, JsonMapper json) {
		this.locations = Map.of(ServiceNames.ISSUE_SYNC, services.issueSync(), ServiceNames.STATUSPAGE_FEED,
				services.statuspageFeed(), ServiceNames.CRM_BRIDGE, services.crmBridge(), ServiceNames.REMOTE_SESSION,
				services.remoteSession());
		this.internalToken = token.internalToken();
		this.json = json;
	}

	@Override
	public List<TimelineEntry> of(String service, TimelineSubject subject, String value) {
		URI base = Objects.requireNonNull(this.locations.get(service), () -> "no location for " + service);
		URI uri = URI.create(base.toString().replaceAll("/+$", "") + "/api/timeline?" + subject.parameter() + "="
				+ UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header(InternalTokenProperties.HEADER, this.internalToken)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(service + " did not answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(service + " was not waited for");
		}
		if (response.statusCode() == 400) {
			return List.of();
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException(service + " answered " + response.statusCode());
		}
		List<TimelineEntry> entries = this.json.readValue(response.body(), ENTRIES);
		return entries.stream().limit(TimelineEntry.MAX_PER_SERVICE).toList();
	}

}
