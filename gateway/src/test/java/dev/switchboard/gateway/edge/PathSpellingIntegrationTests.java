package dev.switchboard.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.switchboard.gateway.GatewayIntegrationTest;
import dev.switchboard.testsupport.HostilePaths;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * An attacker's spellings of every path the gateway serves or routes, sent without a key:
 * each is refused by the edge (400 for a spelling a router would read differently, by
 * Tomcat itself or by the gateway's path check, 401 for the plain one), as a problem
 * detail, never answered by a handler, and the service behind the routes (a WireMock
 * answering 200 to anything) receives nothing. The paths come from the running
 * application (its controllers and its router functions), so a new route is in the table
 * without editing this test.
 */
@GatewayIntegrationTest
class PathSpellingIntegrationTests {

	private static final Set<String> EDGE_REFUSALS = Set.of("urn:switchboard:problem:edge:non-canonical-path",
			"urn:switchboard:problem:admin:unauthorized", "urn:switchboard:problem:admin:internal-token",
			"urn:switchboard:problem:edge:refused-by-server", "urn:switchboard:problem:console:unauthorized");

	/**
	 * The console's sign-in page answers its plain spelling to anyone; no other spelling.
	 */
	private static final Set<String> OPEN_CONSOLE_PATHS = Set.of("/console/login");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void refusesEverySpellingOfEveryNonPublicPathWithoutAKeyAndRoutesNothing() throws IOException {
		WireMock.resetAllRequests();
		stubFor(any(anyUrl()).willReturn(okJson("[{\"id\":\"leaked\"}]")));
		List<String> paths = nonPublicPaths();
		assertThat(paths).contains("/api/deliveries", "/api/links", "/api/links/x", "/api/sessions",
				"/api/docs/issue-sync-service", "/console/deliveries", "/console/login");

		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (String path : paths) {
			for (String spelling : HostilePaths.spellings(path)) {
				for (String method : List.of("GET", "POST", "DELETE")) {
					if (OPEN_CONSOLE_PATHS.contains(spelling.split("\\?")[0])) {
						continue;
					}
					HostilePaths.Answer response = send(method, spelling);
					sent++;
					if (!EDGE_REFUSALS.contains(response.problemType())) {
						failures.add(method + " " + spelling + " -> " + response.summary());
					}
				}
			}
		}

		assertThat(sent).isGreaterThan(500);
		assertThat(failures).isEmpty();
		assertThat(WireMock.findAll(WireMock.anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void answersTheProbesOnThePublishedPortButNothingElseOfManagement() throws IOException {
		assertThat(send("GET", "/livez").status()).isEqualTo(200);
		assertThat(send("GET", "/readyz").status()).isEqualTo(200);
		for (String management : List.of("/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
				"/actuator/env", "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html", "/api/docs/gateway")) {
			HostilePaths.Answer response = send("GET", management);
			assertThat(response.status()).as(management).isEqualTo(401);
			assertThat(response.body()).as(management).doesNotContain("jvm_").doesNotContain("openapi");
		}
	}

	/**
	 * Every path pattern the application serves, variables filled in, but the public
	 * ones.
	 */
	private List<String> nonPublicPaths() {
		Set<String> patterns = new LinkedHashSet<>();
		for (RequestMappingInfoHandlerMapping mapping : this.context
			.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				patterns.addAll(info.getPatternValues());
			}
		}
		for (RouterFunctionMapping mapping : this.context.getBeansOfType(RouterFunctionMapping.class).values()) {
			RouterFunction<?> routes = mapping.getRouterFunction();
			if (routes != null) {
				routes.accept(new PathCollector(patterns));
			}
		}
		List<String> paths = new ArrayList<>();
		for (String pattern : patterns) {
			String filled = VARIABLE.matcher(pattern).replaceAll(UUID.randomUUID().toString());
			for (String path : filled.endsWith("/**")
					? List.of(filled.substring(0, filled.length() - 3), filled.substring(0, filled.length() - 3) + "/x")
					: List.of(filled)) {
				if (EdgePaths.accessOf(path) != EdgePaths.Access.PUBLIC) {
					paths.add(path);
				}
			}
		}
		return paths;
	}

	private HostilePaths.Answer send(String method, String target) throws IOException {
		return HostilePaths.send(this.port, method, target);
	}

	/** Collects the path patterns of router functions (Spring Cloud Gateway's routes). */
	private record PathCollector(Set<String> patterns) implements RouterFunctions.Visitor, RequestPredicates.Visitor {

		@Override
		public void startNested(RequestPredicate predicate) {
			predicate.accept(this);
		}

		@Override
		public void endNested(RequestPredicate predicate) {
		}

		@Override
		public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
			predicate.accept(this);
		}

		@Override
		public void resources(
				java.util.function.Function<org.springframework.web.servlet.function.ServerRequest, java.util.Optional<org.springframework.core.io.Resource>> lookupFunction) {
		}

		@Override
		public void attributes(java.util.Map<String, Object> attributes) {
		}

		@Override
		public void unknown(RouterFunction<?> routerFunction) {
		}

		@Override
		public void method(Set<org.springframework.http.HttpMethod> methods) {
		}

		@Override
		public void path(String pattern) {
			this.patterns.add(pattern);
		}

		@Override
		public void pathExtension(String extension) {
		}

		@Override
		public void header(String name, String value) {
		}

		@Override
		public void param(String name, String value) {
		}

		@Override
		public void version(String version) {
		}

		@Override
		public void startAnd() {
		}

		@Override
		public void and() {
		}

		@Override
		public void endAnd() {
		}

		@Override
		public void startOr() {
		}

		@Override
		public void or() {
		}

		@Override
		public void endOr() {
		}

		@Override
		public void startNegate() {
		}

		@Override
		public void endNegate() {
		}

		@Override
		public void unknown(RequestPredicate predicate) {
		}

	}

}
