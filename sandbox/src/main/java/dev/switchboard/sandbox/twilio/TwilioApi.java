package dev.switchboard.sandbox.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchboard.sandbox.webhook.SandboxProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Voice API as crm-bridge calls it (its base URL is the sandbox's root, as
 * {@code https://api.twilio.com}): {@code POST /2010-04-01/Accounts/{sid}/Calls.json}
 * (form: {@code To}, {@code From}, {@code Twiml}, {@code StatusCallback},
 * {@code StatusCallbackEvent}; basic auth with the account sid and auth token) starts a
 * call the {@link CallSimulator} plays; calls are read back by sid, recordings fetched as
 * audio. Errors carry Twilio's {@code {code, message, more_info, status}}.
 */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class TwilioApi {

	private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final CallSimulator simulator;

	private final PhoneSystem phones;

	private final SandboxProperties properties;

	TwilioApi(CallSimulator simulator, PhoneSystem phones, SandboxProperties properties) {
		this.simulator = simulator;
		this.phones = phones;
		this.properties = properties;
	}

	@PostMapping(path = "/Calls.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> create(@PathVariable String accountSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@RequestBody MultiValueMap<String, String> form) {
		if (!authorized(accountSid, authorization)) {
			return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
		}
		String to = form.getFirst("To");
		String from = form.getFirst("From");
		if (to == null || from == null || !to.matches("\\+[1-9][0-9]{1,14}")) {
			return error(HttpStatus.BAD_REQUEST, 21211, "Invalid 'To' Phone Number: " + to);
		}
		Twiml twiml;
		try {
			twiml = Twiml.read(form.getFirst("Twiml"));
		}
		catch (IllegalArgumentException ex) {
			return error(HttpStatus.BAD_REQUEST, 12100, "Document parse failure");
		}
		String callback = form.getFirst("StatusCallback");
		List<String> events = form.getOrDefault("StatusCallbackEvent", List.of());
		Set<String> asked = new HashSet<>();
		events.forEach((event) -> asked.addAll(List.of(event.strip().split("\\s+"))));
		Call call = this.simulator.outbound(from, to, (callback != null) ? URI.create(callback) : null, asked, twiml);
		return ResponseEntity.status(HttpStatus.CREATED).body(callJson(call));
	}

	@GetMapping("/Calls/{callSid}.json")
	ResponseEntity<Map<String, Object>> call(@PathVariable String accountSid, @PathVariable String callSid,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!authorized(accountSid, authorization)) {
			return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
		}
		return this.phones.call(callSid)
			.map((call) -> ResponseEntity.ok(callJson(call)))
			.orElseGet(() -> error(HttpStatus.NOT_FOUND, 20404, "The requested resource /2010-04-01/Accounts/"
					+ accountSid + "/Calls/" + callSid + ".json was not found"));
	}

	/**
	 * A recording: one second of silence as WAV (Twilio answers WAV when no extension is
	 * given). Recordings are fetched without credentials here, as an account with public
	 * media URLs allows.
	 */
	@GetMapping("/Recordings/{recordingSid}")
	ResponseEntity<byte[]> recording(@PathVariable String recordingSid) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/x-wav")).body(Silence.wav(1));
	}

	private boolean authorized(String accountSid, @Nullable String authorization) {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((this.properties.twilioAccountSid() + ":" + this.properties.twilioAuthToken())
				.getBytes(StandardCharsets.UTF_8));
		return accountSid.equals(this.properties.twilioAccountSid()) && authorization != null && MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
	}

	private Map<String, Object> callJson(Call call) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("sid", call.sid());
		json.put("account_sid", this.properties.twilioAccountSid());
		json.put("parent_call_sid", call.parentSid());
		json.put("to", call.to());
		json.put("from", call.from());
		json.put("status", call.status());
		json.put("direction", call.direction());
		json.put("date_created", RFC_1123.format(call.createdAt()));
		json.put("start_time", (call.answeredAt() != null) ? RFC_1123.format(call.answeredAt()) : null);
		json.put("end_time", (call.endedAt() != null) ? RFC_1123.format(call.endedAt()) : null);
		json.put("duration", (call.durationSeconds() != null) ? call.durationSeconds().toString() : null);
		json.put("api_version", "2010-04-01");
		json.put("uri",
				"/2010-04-01/Accounts/" + this.properties.twilioAccountSid() + "/Calls/" + call.sid() + ".json");
		return json;
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
		return ResponseEntity.status(status)
			.body(Map.of("code", code, "message", message, "more_info", "https://www.twilio.com/docs/errors/" + code,
					"status", status.value()));
	}

}
