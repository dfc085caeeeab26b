package dev.switchboard.gateway.console.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.adminapi.DownstreamProperties;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The services' admin APIs as the console calls them, server-side: the same endpoints and
 * the same internal token as the gateway's {@code /api/**} routes, never the operator's
 * key. A service that cannot be reached or answers 5xx is {@link ServiceUnavailable}; any
 * other answer but 2xx is {@link ServiceRefused} with the problem detail's text. Callers
 * pass paths built with {@link #segment} and {@link #query}, so a value never changes the
 * path.
 */
@Component
class ServiceApis {

	private static final Logger log = LoggerFactory.getLogger(ServiceApis.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<String, URI> locations;

	private final String internalToken;

	private final JsonMapper json;

	private final MeterRegistry meters;

	ServiceApis(DownstreamProperties services, InternalTokenProperties token, JsonMapper json, MeterRegistry meters) {
		this.locations = Map.of(ServiceNames.ISSUE_SYNC, services.issueSync(), ServiceNames.STATUSPAGE_FEED,
				services.statuspageFeed(), ServiceNames.CRM_BRIDGE, services.crmBridge(), ServiceNames.REMOTE_SESSION,
				services.remoteSession());
		this.internalToken = token.internalToken();
		this.json = json;
		this.meters = meters;
	}

	static String segment(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	static String query(String name, String value) {
		return name + "=" + UriUtils.encode(value, StandardCharsets.UTF_8);
	}

	<T> T get(String service, String path, TypeReference<T> type) {
		return read(send(service, "GET", path, null), service, type);
	}

	<T> T send(String service, String method, String path, @Nullable Object body, TypeReference<T> type) {
		return read(send(service, method, path, body), service, type);
	}

	void sendWithoutAnswer(String service, String method, String path) {
		send(service, method, path, null);
	}

	private <T> T read(String body, String service, TypeReference<T> type) {
		try {
			return this.json.readValue(body, type);
		}
		catch (JacksonException ex) {
			log.warn("{} answered what the console cannot read: {}", service, ex.getOriginalMessage());
			throw new ServiceUnavailable(service);
		}
	}

	private String send(String service, String method, String path, @Nullable Object body) {
		URI base = Objects.requireNonNull(this.locations.get(service),
				() -> "the console calls only the four services it knows, not " + service);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
			.timeout(TIMEOUT)
			.header(InternalTokenProperties.HEADER, this.internalToken)
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw unavailable(service, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(service, "interrupted");
		}
		int status = response.statusCode();
		if (status >= 500) {
			throw unavailable(service, "status " + status);
		}
		if (status >= 300) {
			throw new ServiceRefused(service, status, problemText(response.body()));
		}
		return response.body();
	}

	private ServiceUnavailable unavailable(String service, String why) {
		log.warn("{} is not reachable from the console: {}", service, why);
		this.meters.counter("switchboard.admin.downstream.unavailable", "service", service).increment();
		return new ServiceUnavailable(service);
	}

	/** The problem detail's {@code detail} (else its title), shown escaped. */
	private String problemText(String body) {
		try {
			JsonNode problem = this.json.readTree(body);
			String detail = problem.path("detail").asString("");
			return detail.isBlank() ? problem.path("title").asString("The service refused the request.") : detail;
		}
		catch (JacksonException ex) {
			return "The service refused the request.";
		}
	}

	/**
	 * The service cannot be reached, timed out, or answered 5xx or an unreadable body.
	 */
	static final class ServiceUnavailable extends RuntimeException {

		private final String service;

		ServiceUnavailable(String service) {
			super(service + " is not reachable", null, false, false);
			this.service = service;
		}

		String service() {
			return this.service;
		}

	}

	/** The service answered 3xx or 4xx: its problem detail's text. */
	static final class ServiceRefused extends RuntimeException {

		private final int status;

		ServiceRefused(String service, int status, String detail) {
			super(detail, null, false, false);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
