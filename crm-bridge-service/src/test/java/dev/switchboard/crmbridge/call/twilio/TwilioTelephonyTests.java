package dev.switchboard.crmbridge.call.twilio;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.TelephonyException;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Twilio adapter's last checks: what goes into the request path and the TwiML. (The
 * API tests show the policy in front of it.)
 */
class TwilioTelephonyTests {

	private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";

	@ParameterizedTest
	@ValueSource(strings = { "AC../../Accounts/AC1", "AC0123456789abcdef0123456789abcdef/Calls.json?x=", "..",
			"ac0123456789abcdef0123456789abcdef", "AC0123456789abcdef0123456789abcdeg" })
	void refusesToStartWithAnAccountSidThatIsNotOne(String accountSid) {
		assertThatIllegalArgumentException().isThrownBy(() -> properties(accountSid))
			.withMessageContaining("CRMBRIDGE_TWILIO_ACCOUNTSID");
	}

	/**
	 * The base URL points nowhere: without the check, each of these would fail as
	 * "unreachable" after trying to send it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "+1 212 555 0100", "12125550100", "+12125550100</Number><Number>+19005550100", "+",
			"+0123456789", "+1234567890123456", "" })
	void dialsNothingButE164Numbers(String number) {
		TwilioTelephony telephony = telephony();

		TelephonyException customer = catchThrowableOfType(TelephonyException.class,
				() -> telephony.dial("+14155550100", number));
		TelephonyException agent = catchThrowableOfType(TelephonyException.class,
				() -> telephony.dial(number, "+14155550100"));

		assertThat(customer).hasMessageContaining("not an E.164 number");
		assertThat(customer.refused()).isTrue();
		assertThat(agent).hasMessageContaining("not an E.164 number");
	}

	/**
	 * Nothing listens on the base URL: a refused connection cannot have started a call,
	 * so it is retried, and then reported as unavailable (nothing dialled), not as an
	 * uncertain outcome.
	 */
	@Test
	void reportsARefusedConnectionAsUnavailableAfterItsRetries() {
		TelephonyException failed = catchThrowableOfType(TelephonyException.class,
				() -> telephony().dial("+14155550100", "+12125550100"));

		assertThat(failed.outcome()).isEqualTo(TelephonyException.Outcome.UNAVAILABLE);
		assertThat(failed).hasMessage("Twilio unreachable (ConnectException) on each of 3 attempts");
	}

	private static TwilioTelephony telephony() {
		// as application.yml configures the retry twilio, with short waits
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(3)
			.waitDuration(Duration.ofMillis(1))
			.retryExceptions(IOException.class)
			.build());
		return new TwilioTelephony(properties(ACCOUNT),
				new CallProperties("US", CallProperties.MultipleMatches.MOST_RECENT_TICKET, Duration.ofMinutes(30),
						Duration.ofDays(180), Duration.ofSeconds(10), URI.create("http://localhost:8080"),
						CallProperties.WithheldCallers.NEW_TICKET, null),
				JsonMapper.builder().build(), retries);
	}

	@Test
	void acceptsAnEmptyAccountSidAsNotConfigured() {
		assertThat(properties("").configured()).isFalse();
	}

	private static TwilioProperties properties(String accountSid) {
		return new TwilioProperties(URI.create("http://127.0.0.1:9"), accountSid, "token", "+18005551212",
				Duration.ofMillis(200), Duration.ofMillis(200));
	}

}
