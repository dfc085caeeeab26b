package dev.switchboard.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EdgePathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/links", "/api/deliveries/6f1c2a9e-0000-4000-8000-000000000001/replay",
			"/api/dead-letters/webhooks.inbound.issue-sync-service.dlq", "/webhooks/github",
			"/webhooks/statuspage/AbC_-~9", "/livez" })
	void takesPathsInTheirPlainSpelling(String path) {
		assertThat(EdgePaths.nonCanonical(path)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "api/links", "/%61pi/links", "/api%2Flinks", "/api%2flinks", "/api/%2e%2e/links",
			"/api;x/links", "/api/links;", "/api/../api/links", "/./api/links", "/api/.", "//api/links", "/api//links",
			"/api/links/", "/api\\links", "/api/links?x", "/api/li nks", "/api/l\u0131nks", "/api/links\u0000",
			"/api/links#x", "/api/links+", "/api/links:x" })
	void refusesEverySpellingThatARouterCouldReadDifferently(String path) {
		assertThat(EdgePaths.nonCanonical(path)).isPresent();
		assertThat(EdgePaths.accessOf(path)).isEqualTo(EdgePaths.Access.ADMIN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/links", "/API/links", "/", "/actuator/prometheus", "/v3/api-docs", "/webhooks",
			"/livez/x", "/readyzz", "/internal", "/swagger-ui.html", "/error" })
	void needsAnAdminKeyForEverythingNotListedAsPublicOrInternal(String path) {
		assertThat(EdgePaths.accessOf(path)).isEqualTo(EdgePaths.Access.ADMIN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/webhooks/github", "/webhooks/statuspage/token", "/livez", "/readyz" })
	void leavesOnlyWebhooksAndProbesPublic(String path) {
		assertThat(EdgePaths.accessOf(path)).isEqualTo(EdgePaths.Access.PUBLIC);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/internal/deliveries/x/body" })
	void asksForTheInternalTokenUnderInternal(String path) {
		assertThat(EdgePaths.accessOf(path)).isEqualTo(EdgePaths.Access.INTERNAL);
	}

}
