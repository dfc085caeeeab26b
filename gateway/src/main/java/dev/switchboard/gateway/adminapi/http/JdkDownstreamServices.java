package dev.switchboard.gateway.adminapi.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.adminapi.DownstreamProperties;
import dev.switchboard.gateway.adminapi.DownstreamServices;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@link DownstreamServices} over the JDK's HTTP client (HTTP/1.1, one client and its
 * connection pool for every caller), with the internal token and
 * {@code Accept: application/json} on every request.
 */
@Component
class JdkDownstreamServices implements DownstreamServices {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Map<String, URI> locations;

	private final String internalToken;

	JdkDownstreamServices(DownstreamProperties services, InternalTokenProperties token) {
		this.locations = Map.of(ServiceNames.ISSUE_SYNC, services.issueSync(), ServiceNames.STATUSPAGE_FEED,
				services.statuspageFeed(), ServiceNames.CRM_BRIDGE, services.crmBridge(), ServiceNames.REMOTE_SESSION,
				services.remoteSession());
		this.internalToken = token.internalToken();
	}

	@Override
	public Answer exchange(String service, String method, String pathAndQuery, @Nullable String jsonBody,
			Duration timeout) {
		URI base = Objects.requireNonNull(this.locations.get(service),
				() -> "the gateway calls only the four services it fronts, not " + service);
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery))
			.timeout(timeout)
			.header(InternalTokenProperties.HEADER, this.internalToken)
			.header("Accept", "application/json");
		if (jsonBody != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new Unreachable(service, ex.toString(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable(service, "interrupted", null);
		}
	}

}
