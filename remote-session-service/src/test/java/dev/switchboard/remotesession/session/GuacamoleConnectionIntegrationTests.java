package dev.switchboard.remotesession.session;

import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a caller may have guacd open through {@code POST /api/sessions}: allow-listed
 * protocols and connection parameters, ordinary target hosts; file-system paths (drive,
 * recording) only from configuration. The link's encrypted JSON is opened the way
 * Guacamole opens it.
 */
@RemoteSessionIntegrationTest
class GuacamoleConnectionIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void sendsGuacamoleOnlyTheAllowedParametersPlusTheConfiguredRecordingAndDrivePaths() {
		String ticketId = newTicketId();
		Map<String, String> parameters = Map.of("username", "carla", "password", "s3cret", "domain", "CUSTOMER",
				"security", "nla", "ignore-cert", "true", "width", "1280", "height", "800", "server-layout",
				"de-de-qwertz", "disable-copy", "true");

		HttpResponse<String> response = start(ticketId, "rdp", "10.0.0.5", 3389, parameters);

		assertThat(response.statusCode()).isEqualTo(201);
		String id = this.harness.read(response).get("id").asString();
		JsonNode connection = this.harness.guacamolePayload(this.harness.read(response).get("agentUrl").asString())
			.get("connections")
			.get(id);
		assertThat(connection.get("protocol").asString()).isEqualTo("rdp");
		Map<String, String> expected = new LinkedHashMap<>(parameters);
		expected.putAll(Map.of("hostname", "10.0.0.5", "port", "3389", "recording-path",
				RemoteSessionIntegrationTest.RECORDING_PATH, "recording-name", id, "create-recording-path", "true",
				"enable-drive", "true", "drive-path", RemoteSessionIntegrationTest.DRIVE_PATH, "create-drive-path",
				"true"));
		assertThat(this.json.convertValue(connection.get("parameters"), Map.class)).isEqualTo(expected);
	}

	@Test
	void givesAnSshSessionTheConfiguredRecordingButNoDrive() {
		String ticketId = newTicketId();

		HttpResponse<String> response = start(ticketId, "ssh", "build-01.customer.example", 22,
				Map.of("username", "carla", "private-key",
						"-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbg==\n" + "-----END OPENSSH PRIVATE KEY-----\n",
						"font-size", "12"));

		assertThat(response.statusCode()).isEqualTo(201);
		String id = this.harness.read(response).get("id").asString();
		JsonNode parameters = this.harness.guacamolePayload(this.harness.read(response).get("agentUrl").asString())
			.get("connections")
			.get(id)
			.get("parameters");
		assertThat(parameters.propertyNames()).containsExactlyInAnyOrder("hostname", "port", "username", "private-key",
				"font-size", "recording-path", "recording-name", "create-recording-path");
		assertThat(parameters.get("recording-path").asString()).isEqualTo(RemoteSessionIntegrationTest.RECORDING_PATH);
	}

	@Test
	void refusesParametersThatReachGuacdsHostOrAnotherHostNamingThemAndStartsNothing() {
		List<String> forbidden = List.of("enable-drive", "drive-path", "create-drive-path", "drive-name",
				"recording-path", "create-recording-path", "recording-name", "typescript-path", "enable-sftp",
				"sftp-root-directory", "sftp-hostname", "sftp-private-key", "gateway-hostname", "load-balance-info",
				"remote-app", "remote-app-dir", "static-channels", "enable-printing", "printer-name", "initial-program",
				"preconnection-blob", "wol-broadcast-addr", "hostname", "port", "not-a-guacamole-parameter");
		for (String name : forbidden) {
			String ticketId = newTicketId();

			HttpResponse<String> response = start(ticketId, "rdp", "10.0.0.5", 3389,
					Map.of("username", "carla", name, "/etc"));

			assertThat(response.statusCode()).as(name).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = this.harness.read(response);
			assertThat(problem.get("field").asString()).isEqualTo("connection.parameters");
			assertThat(problem.get("detail").asString()).contains("may not set " + name + " for rdp");
			assertThat(sessionsOf(ticketId)).as(name).isZero();
		}
		assertThat(this.harness
			.read(start(newTicketId(), "ssh", "10.0.0.5", 22,
					Map.of("command", "rm -rf /", "sftp-directory", "/", "typescript-path", "/tmp")))
			.get("detail")
			.asString()).contains("may not set command, sftp-directory, typescript-path for ssh");
		assertThat(this.harness
			.read(start(newTicketId(), "vnc", "10.0.0.5", 5900,
					Map.of("dest-host", "10.9.9.9", "reverse-connect", "true", "audio-servername", "10.9.9.9")))
			.get("detail")
			.asString()).contains("may not set audio-servername, dest-host, reverse-connect for vnc");
	}

	@Test
	void refusesProtocolsThatAreNotAllowListed() {
		for (String protocol : List.of("kubernetes", "RDP", "file", "http", "rdp ", "../rdp")) {
			HttpResponse<String> response = start(newTicketId(), protocol, "10.0.0.5", 3389, Map.of());

			assertThat(response.statusCode()).as(protocol).isEqualTo(400);
			assertThat(this.harness.read(response).get("field").asString()).isEqualTo("connection.protocol");
			assertThat(this.harness.read(response).get("detail").asString()).contains("rdp, ssh, telnet, vnc");
		}
	}

	@Test
	void refusesHostnamesThatNameGuacdsOwnHostOrAreNoHostname() {
		List<String> hostnames = List.of("127.0.0.1", "127.1", "0x7f000001", "0x7f.0.0.1", "2130706433", "017700000001",
				"localhost", "LOCALHOST.", "db.localhost", "::1", "[::1]", "::ffff:127.0.0.1", "0.0.0.0", "::",
				"169.254.169.254", "fe80::1%eth0", "224.0.0.1", "10.0.0.5/../x", "10.0.0.5:22", "a b", "evil@10.0.0.5",
				"-host.example", "host_name.example", "10.0.0.256", "ho\u0000st.example");
		for (String hostname : hostnames) {
			String ticketId = newTicketId();

			HttpResponse<String> response = start(ticketId, "ssh", hostname, 22, Map.of());

			assertThat(response.statusCode()).as(hostname).isEqualTo(400);
			assertThat(this.harness.read(response).get("field").asString()).as(hostname)
				.isEqualTo("connection.hostname");
			assertThat(sessionsOf(ticketId)).isZero();
		}
		for (String hostname : List.of("10.0.0.5", "192.168.1.20", "fd00::5", "pc-0042.customer.example",
				"PC-0043.Customer.Example.")) {
			assertThat(start(newTicketId(), "vnc", hostname, 5900, Map.of()).statusCode()).as(hostname).isEqualTo(201);
		}
	}

	private HttpResponse<String> start(String ticketId, String protocol, String hostname, int port,
			Map<String, String> parameters) {
		Map<String, Object> body = Map.of("ticketId", ticketId, "provider", "guacamole", "agentEmail",
				"ada@example.com", "connection",
				Map.of("protocol", protocol, "hostname", hostname, "port", port, "parameters", parameters));
		return this.harness.api("POST", "/api/sessions", this.json.writeValueAsString(body));
	}

	private long sessionsOf(String ticketId) {
		return this.jdbc.sql("select count(*) from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

}
