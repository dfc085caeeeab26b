package dev.switchboard.gateway.console.web;

import java.time.Duration;

import dev.switchboard.gateway.adminapi.DownstreamServices;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The services' admin APIs as the console calls them, server-side
 * ({@link DownstreamServices}): the same endpoints and the same internal token as the
 * gateway's {@code /api/**} routes, never the operator's key. A service that cannot be
 * reached or answers 5xx is {@link ServiceUnavailable}; any other answer but 2xx is
 * {@link ServiceRefused} with the problem detail's text. Callers pass paths built with
 * {@link #segment} and {@link #query}, so a value never changes the path.
 */
@Component
class ServiceApis {

	private static final Logger log = LoggerFactory.getLogger(ServiceApis.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final DownstreamServices services;

	private final JsonMapper json;

	private final MeterRegistry meters;

	ServiceApis(DownstreamServices services, JsonMapper json, MeterRegistry meters) {
		this.services = services;
		this.json = json;
		this.meters = meters;
	}

	static String segment(String value) {
		return DownstreamServices.segment(value);
	}

	static String query(String name, String value) {
		return DownstreamServices.query(name, value);
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
		DownstreamServices.Answer answer;
		try {
			answer = this.services.exchange(service, method, path,
					(body != null) ? this.json.writeValueAsString(body) : null, TIMEOUT);
		}
		catch (DownstreamServices.Unreachable ex) {
			throw unavailable(service, ex.why());
		}
		if (answer.status() >= 500) {
			throw unavailable(service, "status " + answer.status());
		}
		if (answer.status() >= 300) {
			throw new ServiceRefused(service, answer.status(), problemText(answer.body()));
		}
		return answer.body();
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
