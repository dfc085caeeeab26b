package dev.switchboard.gateway.health.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.switchboard.gateway.health.Readiness;
import dev.switchboard.gateway.health.ServiceProbe;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code GET <service>/readyz}: the readiness probe every service answers on its own port
 * without a token (the management port is not reachable from the gateway's network
 * everywhere). 200 with {@code UP} is ready; another answer is not ready, with the
 * components it names; no answer within 2 seconds is unreachable. What went wrong is
 * logged; the page says only what to check.
 */
@Component
class HttpServiceProbe implements ServiceProbe {

	private static final Logger log = LoggerFactory.getLogger(HttpServiceProbe.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	// HTTP/1.1: a probe is one small GET; no upgrade round trip to a service that may be
	// struggling
	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final JsonMapper json;

	HttpServiceProbe(JsonMapper json) {
		this.json = json;
	}

	@Override
	public Readiness probe(String service, URI baseUrl, String property) {
		URI readyz = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/readyz");
		HttpResponse<String> response;
		try {
			response = this.http.send(
					HttpRequest.newBuilder(readyz).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			log.warn("{} did not answer its readiness probe at {} in {}", service, readyz, TIMEOUT);
			return unreachable(service,
					"It did not answer " + readyz + " within " + TIMEOUT.toSeconds()
							+ " s: check that it is not stuck (its logs, ./switchboard status) and that " + property
							+ " points at it.");
		}
		catch (IOException ex) {
			log.warn("{} is not reachable at {}: {}", service, readyz, ex.toString());
			return unreachable(service,
					"Nothing answered at " + readyz + ": check that " + service
							+ " runs (./switchboard status, or docker compose ps " + service + ") and that " + property
							+ " points at it.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unreachable(service, "The probe was interrupted; reload the page.");
		}
		Map<String, String> components = new TreeMap<>();
		String status = statusOf(response.body(), components);
		if (response.statusCode() == 200 && "UP".equals(status)) {
			return new Readiness(service, Readiness.State.READY, components, "");
		}
		return new Readiness(service, Readiness.State.NOT_READY, components, service + " answered "
				+ response.statusCode() + ((status != null) ? " (" + status + ")" : "")
				+ ": it runs but is not ready. Look at the components not UP (its database, RabbitMQ), then its logs.");
	}

	private @Nullable String statusOf(String body, Map<String, String> components) {
		try {
			JsonNode health = this.json.readTree(body);
			health.path("components")
				.properties()
				.forEach((component) -> components.put(component.getKey(),
						component.getValue().path("status").asString("?")));
			String status = health.path("status").asString("");
			return status.isEmpty() ? null : status.toUpperCase(Locale.ROOT);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static Readiness unreachable(String service, String advice) {
		return new Readiness(service, Readiness.State.UNREACHABLE, Map.of(), advice);
	}

}
