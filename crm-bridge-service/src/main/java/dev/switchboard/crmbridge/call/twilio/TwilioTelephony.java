package dev.switchboard.crmbridge.call.twilio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.Telephony;
import dev.switchboard.crmbridge.call.TelephonyException;
import dev.switchboard.crmbridge.call.TelephonyException.Outcome;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json} (basic auth: account sid and
 * auth token): calls the agent, whose answer runs TwiML that dials the customer; status
 * callbacks of both legs and the recording callback go to the gateway's
 * {@code /webhooks/twilio}. Retried (Resilience4j retry {@code twilio}) only when no call
 * can have started: the connection was refused or the host unknown, or Twilio answered
 * 429 or 503. A timeout after sending, another 5xx or an unreadable answer may have
 * started a call, and a retry would ring the agent twice: never retried, reported as
 * {@link Outcome#UNCERTAIN}.
 */
@Component
class TwilioTelephony implements Telephony {

	private static final String EVENTS = "initiated ringing answered completed";

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

	private final TwilioProperties properties;

	private final String callbackUrl;

	private final OkHttpClient http;

	private final JsonMapper json;

	private final Retry retry;

	TwilioTelephony(TwilioProperties properties, CallProperties calls, JsonMapper json, RetryRegistry retries) {
		this.properties = properties;
		this.callbackUrl = calls.gatewayUrl().resolve("/webhooks/twilio").toString();
		this.http = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.retryOnConnectionFailure(false)
			.build();
		this.json = json;
		this.retry = retries.retry("twilio");
	}

	@Override
	public boolean configured() {
		return this.properties.configured();
	}

	@Override
	public String fromNumber() {
		return this.properties.fromNumber();
	}

	@Override
	public String dial(String agentNumber, String customerNumber) {
		// the numbers go into a form field and into TwiML: only E.164 passes, whatever
		// the
		// caller checked before
		e164(agentNumber);
		e164(customerNumber);
		String twiml = "<Response><Dial callerId=\"" + this.properties.fromNumber() + "\" record=\"record-from-answer\""
				+ " recordingStatusCallback=\"" + this.callbackUrl + "\"><Number statusCallbackEvent=\"" + EVENTS
				+ "\" statusCallback=\"" + this.callbackUrl + "\">" + customerNumber + "</Number></Dial></Response>";
		FormBody.Builder form = new FormBody.Builder().add("To", agentNumber)
			.add("From", this.properties.fromNumber())
			.add("Twiml", twiml)
			.add("StatusCallback", this.callbackUrl)
			.add("StatusCallbackMethod", "POST");
		for (String event : EVENTS.split(" ")) {
			form.add("StatusCallbackEvent", event);
		}
		HttpUrl url = HttpUrl.get(this.properties.baseUrl().toString())
			.newBuilder()
			.encodedPath("/")
			.addPathSegment("2010-04-01")
			.addPathSegment("Accounts")
			.addPathSegment(this.properties.accountSid())
			.addPathSegment("Calls.json")
			.build();
		Request request = new Request.Builder().url(url)
			.header("Authorization", Credentials.basic(this.properties.accountSid(), this.properties.authToken()))
			.post(form.build())
			.build();
		try {
			return this.retry.executeCallable(() -> create(request));
		}
		catch (NothingStarted ex) {
			throw new TelephonyException("Twilio " + ex.getMessage() + " on each of "
					+ this.retry.getRetryConfig().getMaxAttempts() + " attempts", Outcome.UNAVAILABLE);
		}
		catch (TelephonyException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new TelephonyException("Twilio failed: " + ex.getClass().getSimpleName(), Outcome.UNCERTAIN);
		}
	}

	/**
	 * One {@code POST Calls.json}.
	 * @throws NothingStarted when no call can have started (retried)
	 */
	private String create(Request request) throws NothingStarted {
		try (Response response = this.http.newCall(request).execute()) {
			String body = response.body().string();
			if (response.code() == 429 || response.code() == 503) {
				throw new NothingStarted("answered HTTP " + response.code());
			}
			if (!response.isSuccessful()) {
				throw new TelephonyException("Twilio answered HTTP " + response.code(),
						(response.code() < 500) ? Outcome.REFUSED : Outcome.UNCERTAIN);
			}
			JsonNode call = this.json.readTree(body);
			String sid = call.path("sid").asString("");
			if (sid.isBlank()) {
				throw new TelephonyException("Twilio's answer has no call sid", Outcome.UNCERTAIN);
			}
			return sid;
		}
		catch (NothingStarted ex) {
			throw ex;
		}
		catch (ConnectException | UnknownHostException ex) {
			throw new NothingStarted("unreachable (" + ex.getClass().getSimpleName() + ")");
		}
		catch (IOException ex) {
			throw new TelephonyException("Twilio did not answer: " + ex.getClass().getSimpleName(), Outcome.UNCERTAIN);
		}
		catch (JacksonException ex) {
			throw new TelephonyException("Twilio's answer is not JSON", Outcome.UNCERTAIN);
		}
	}

	private static void e164(String number) {
		if (!E164.matcher(number).matches()) {
			throw new TelephonyException("not an E.164 number: nothing dialled", Outcome.REFUSED);
		}
	}

	/**
	 * No call can have started: the only failure the retry {@code twilio} repeats (it
	 * retries {@link IOException}s).
	 */
	private static final class NothingStarted extends IOException {

		NothingStarted(String message) {
			super(message, null);
		}

	}

}
