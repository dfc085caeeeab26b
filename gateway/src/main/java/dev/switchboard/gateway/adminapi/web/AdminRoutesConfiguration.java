package dev.switchboard.gateway.adminapi.web;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.switchboard.contracts.ServiceNames;
import dev.switchboard.gateway.adminapi.DownstreamProperties;
import dev.switchboard.gateway.adminapi.InternalTokenProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /api/**} to the owning service (ARCHITECTURE.md's admin API table), with Spring
 * Cloud Gateway Server WebMVC; route ids are the service names. The gateway sets the
 * internal token and never passes the caller's API key on. A service that cannot be
 * reached answers 503 as a problem detail. Each service's OpenAPI description is served
 * at {@code /api/docs/<service>}.
 */
@Configuration(proxyBeanMethods = false)
class AdminRoutesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AdminRoutesConfiguration.class);

	static Map<String, List<String>> ownedPaths() {
		Map<String, List<String>> paths = new LinkedHashMap<>();
		paths.put(ServiceNames.ISSUE_SYNC, List.of("/api/links"));
		paths.put(ServiceNames.STATUSPAGE_FEED, List.of("/api/subscriptions", "/api/feeds"));
		paths.put(ServiceNames.CRM_BRIDGE, List.of("/api/calls"));
		paths.put(ServiceNames.REMOTE_SESSION, List.of("/api/sessions"));
		return paths;
	}

	static Map<String, URI> locations(DownstreamProperties services) {
		return Map.of(ServiceNames.ISSUE_SYNC, services.issueSync(), ServiceNames.STATUSPAGE_FEED,
				services.statuspageFeed(), ServiceNames.CRM_BRIDGE, services.crmBridge(), ServiceNames.REMOTE_SESSION,
				services.remoteSession());
	}

	@Bean
	RouterFunction<ServerResponse> adminRoutes(DownstreamProperties services, InternalTokenProperties token,
			MeterRegistry meters) {
		Map<String, URI> locations = locations(services);
		List<RouterFunction<ServerResponse>> routes = new ArrayList<>();
		for (Map.Entry<String, List<String>> owned : ownedPaths().entrySet()) {
			String service = owned.getKey();
			URI location = Objects.requireNonNull(locations.get(service),
					() -> "ownedPaths() and locations(..) name the same services, not " + service);
			RequestPredicate paths = owned.getValue()
				.stream()
				.map((prefix) -> path(prefix).or(path(prefix + "/**")))
				.reduce(RequestPredicate::or)
				.orElseThrow();
			RouterFunction<ServerResponse> api = route(service).route(paths, http())
				.before(uri(location))
				.before(setRequestHeader(InternalTokenProperties.HEADER, token.internalToken()))
				.before(removeRequestHeader(HttpHeaders.AUTHORIZATION))
				.onError(Exception.class, (ex, request) -> unavailable(service, ex, meters))
				.build();
			RouterFunction<ServerResponse> docs = route(service + "-docs").GET("/api/docs/" + service, http())
				.before(uri(location))
				.before(setPath("/v3/api-docs"))
				.before(setRequestHeader(InternalTokenProperties.HEADER, token.internalToken()))
				.before(removeRequestHeader(HttpHeaders.AUTHORIZATION))
				.onError(Exception.class, (ex, request) -> unavailable(service, ex, meters))
				.build();
			routes.add(api);
			routes.add(docs);
		}
		return routes.stream().reduce(RouterFunction::and).orElseThrow();
	}

	private static ServerResponse unavailable(String service, Throwable ex, MeterRegistry meters) {
		log.warn("{} is not reachable: {}", service, ex.toString());
		meters.counter("switchboard.admin.downstream.unavailable", "service", service).increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " is not reachable; retry later.");
		problem.setType(URI.create("urn:switchboard:problem:admin:downstream-unavailable"));
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
