package dev.switchboard.gateway.health.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import dev.switchboard.gateway.health.Readiness;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpServiceProbeTests {

	@Test
	void callsAServiceThatDoesNotRunUnreachableAndSaysWhatToCheck() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		Readiness readiness = new HttpServiceProbe(JsonMapper.builder().build()).probe("crm-bridge-service",
				URI.create("http://127.0.0.1:" + closedPort),
				"gateway.services.crm-bridge (GATEWAY_SERVICES_CRMBRIDGE)");

		assertThat(readiness.state()).isEqualTo(Readiness.State.UNREACHABLE);
		assertThat(readiness.advice()).contains("http://127.0.0.1:" + closedPort + "/readyz")
			.contains("crm-bridge-service runs")
			.contains("GATEWAY_SERVICES_CRMBRIDGE")
			.doesNotContain("Exception");
	}

}
