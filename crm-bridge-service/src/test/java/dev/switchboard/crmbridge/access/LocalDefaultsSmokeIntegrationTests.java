package dev.switchboard.crmbridge.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.switchboard.testsupport.LocalDefaultsSmokeTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * crm-bridge-service as ./switchboard run starts it: see {@link LocalDefaultsSmokeTests}.
 */
class LocalDefaultsSmokeIntegrationTests extends LocalDefaultsSmokeTests {

	/**
	 * Without {@code crm-bridge.calls.allowed-destinations}, only the default region (US)
	 * is dialled: a UK mobile is refused before the phone system is even asked (which is
	 * not configured here, and would answer 503).
	 */
	@Test
	void dialsOnlyTheDefaultRegionWhenNoDestinationsAreConfigured() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/calls"))
				.header("X-Switchboard-Internal-Token", INTERNAL_TOKEN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"ticketId\":\"35436\",\"agentPhone\":\"+1 415 555 0100\",\"customerPhone\":\"+44 7400 123456\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"reason\":\"region\"")
			.contains("+44 7400 123456 is a number in GB; only numbers in US are dialled");
	}

}
