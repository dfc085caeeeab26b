package dev.switchboard.sandbox.twilio;

import dev.switchboard.sandbox.Sandbox;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.SandboxIntegrationTest;
import dev.switchboard.sandbox.StubGateway;
import dev.switchboard.signatures.TwilioSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulated Twilio as crm-bridge's click-to-call uses it: {@code Calls.json} with
 * basic auth starts a call whose two legs and recording report to the URLs the request
 * named, each callback signed over that URL.
 */
@SandboxIntegrationTest
class TwilioApiIntegrationTests {

	@Autowired
	Sandbox sandbox;

	private final StubGateway gateway = StubGateway.get();

	private static final String TWIML = "<Response><Dial callerId=\"+18005551212\" record=\"record-from-answer\""
			+ " recordingStatusCallback=\"CALLBACK\"><Number statusCallbackEvent=\"initiated ringing answered completed\""
			+ " statusCallback=\"CALLBACK\">+14155550123</Number></Dial></Response>";

	@Test
	void refusesACallWithoutTheAccountsCredentials() throws Exception {
		HttpResponse<String> answer = calls("Basic " + Base64.getEncoder()
			.encodeToString((SandboxIntegrationTest.TWILIO_ACCOUNT + ":wrong").getBytes(StandardCharsets.UTF_8)),
				form("/elsewhere"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.body()).contains("\"code\":20003");
	}

	@Test
	void playsAClickToCallAndReportsBothLegsAndTheRecordingSigned() throws Exception {
		String callbackPath = "/webhooks/twilio?click=" + System.nanoTime();

		HttpResponse<String> answer = calls("Basic " + Base64.getEncoder()
			.encodeToString((SandboxIntegrationTest.TWILIO_ACCOUNT + ":" + SandboxIntegrationTest.TWILIO_TOKEN)
				.getBytes(StandardCharsets.UTF_8)), form(callbackPath));

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		String sid = JsonMapper.builder().build().readTree(answer.body()).path("sid").asString();
		assertThat(sid).matches("CA[0-9a-f]{32}");
		await().atMost(Duration.ofSeconds(20)).until(() -> callbacks(callbackPath).size() == 9);
		List<Map<String, String>> callbacks = callbacks(callbackPath).stream()
			.map(TwilioApiIntegrationTests::form)
			.toList();
		assertThat(
				callbacks.stream().filter((form) -> sid.equals(form.get("CallSid")) && form.containsKey("CallStatus")))
			.extracting((form) -> form.get("SequenceNumber") + " " + form.get("CallStatus"))
			.containsExactly("0 initiated", "1 ringing", "2 in-progress", "3 completed");
		assertThat(callbacks.stream().filter((form) -> sid.equals(form.get("ParentCallSid"))))
			.extracting((form) -> form.get("SequenceNumber") + " " + form.get("CallStatus") + " " + form.get("To"))
			.containsExactly("0 initiated +14155550123", "1 ringing +14155550123", "2 in-progress +14155550123",
					"3 completed +14155550123");
		assertThat(callbacks.getLast()).containsEntry("CallSid", sid)
			.containsEntry("RecordingStatus", "completed")
			.containsKey("RecordingUrl");
		for (StubGateway.Received callback : callbacks(callbackPath)) {
			List<Map.Entry<String, String>> parameters = new ArrayList<>(form(callback).entrySet());
			assertThat(callback.header("X-Twilio-Signature")).isEqualTo(TwilioSignature
				.sign(SandboxIntegrationTest.TWILIO_TOKEN, this.gateway.url() + callbackPath, parameters));
			assertThat(callback.header("I-Twilio-Idempotency-Token")).isNotBlank();
		}
		String recordingUrl = String.valueOf(callbacks.getLast().get("RecordingUrl"));
		HttpResponse<String> recording = this.sandbox.send(HttpRequest.newBuilder(java.net.URI
			.create(recordingUrl.replace("http://localhost:8090", "http://localhost:" + this.sandbox.port()))));
		assertThat(recording.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
	}

	private List<StubGateway.Received> callbacks(String path) {
		return this.gateway.received((received) -> received.path().equals(path));
	}

	private HttpResponse<String> calls(String authorization, String form) throws Exception {
		return this.sandbox.send(HttpRequest
			.newBuilder(
					this.sandbox.url("/2010-04-01/Accounts/" + SandboxIntegrationTest.TWILIO_ACCOUNT + "/Calls.json"))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	private String form(String callbackPath) {
		String callback = this.gateway.url() + callbackPath;
		return "To=%2B14155550101&From=%2B18005551212&Twiml=" + encode(TWIML.replace("CALLBACK", callback))
				+ "&StatusCallback=" + encode(callback) + "&StatusCallbackMethod=POST"
				+ "&StatusCallbackEvent=initiated&StatusCallbackEvent=ringing&StatusCallbackEvent=answered"
				+ "&StatusCallbackEvent=completed";
	}

	private static Map<String, String> form(StubGateway.Received received) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		for (String pair : received.body().split("&")) {
			String[] nameValue = pair.split("=", 2);
			form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		return form;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
