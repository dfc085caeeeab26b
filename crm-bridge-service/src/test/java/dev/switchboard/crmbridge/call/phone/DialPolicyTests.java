package dev.switchboard.crmbridge.call.phone;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.switchboard.crmbridge.call.CallMetrics;
import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.CallRefused;
import dev.switchboard.crmbridge.call.DialPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The dial policy over libphonenumber's numbering plans, every line type; the API and
 * {@code /call} tests show the same decisions through the real entry points.
 */
class DialPolicyTests {

	private final List<String> refusals = new ArrayList<>();

	private final CallMetrics metrics = new CallMetrics() {

		@Override
		public void ended(String outcome, boolean missed, @Nullable Integer waitSeconds) {
		}

		@Override
		public void lookup(String outcome) {
		}

		@Override
		public void refused(String reason, String party) {
			DialPolicyTests.this.refusals.add(reason + "/" + party);
		}

	};

	@ParameterizedTest
	@ValueSource(strings = { "+44 121 234 5678", "+44 7400 123456", "+44 800 123 4567", "+44 56 1234 5678",
			"+49 30 123456", "+49 1512 3456789", "+49 800 1234567890", "0121 234 5678" })
	void dialsFixedMobileTollFreeAndVoipNumbersOfTheListedRegions(String number) {
		assertThat(policy("GB", List.of("GB", "DE")).dialable(CallRefused.Party.CUSTOMER, number)).startsWith("+");
		assertThat(this.refusals).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			+44 901 234 5678    | premium-rate
			+44 909 8790879     | premium-rate
			+44 70 1234 5678    | personal-number
			+44 76 4012 3456    | pager
			+44 55 1234 5678    | uan
			+49 900 1 234567    | premium-rate
			+49 180 1 2345      | shared-cost
			+49 18500 123456    | uan
			+49 177 99 1234567  | voicemail
			+49 700 1234 5678   | personal-number
			+1 900 555 0100     | premium-rate
			+1 201 555 0123     | region
			+1 876 555 0100     | region
			+800 1234 5678      | region
			+33 6 12 34 56 78   | region
			12                  | invalid
			+1 976 555 0100     | invalid
			not a number        | invalid
			''                  | missing
			""")
	void refusesEveryOtherNumberAndCountsWhy(String number, String reason) {
		CallRefused refused = catchThrowableOfType(CallRefused.class,
				() -> policy("GB", List.of("GB", "DE")).dialable(CallRefused.Party.AGENT, number));

		assertThat(refused.reason()).isEqualTo(reason);
		assertThat(refused.party()).isEqualTo(CallRefused.Party.AGENT);
		assertThat(refused.getMessage()).startsWith("the agent's number");
		assertThat(this.refusals).containsExactly(reason + "/agent");
	}

	@Test
	void refusesAVeryLongInputAsInvalid() {
		assertThat(catchThrowableOfType(CallRefused.class,
				() -> policy("US", null).dialable(CallRefused.Party.CUSTOMER, "1".repeat(300)))
			.reason()).isEqualTo("invalid");
	}

	@Test
	void dialsOnlyTheDefaultRegionWhenNoDestinationIsListed() {
		DialPolicy policy = policy("US", null);

		assertThat(policy.dialable(CallRefused.Party.CUSTOMER, "(415) 555-0100")).isEqualTo("+14155550100");
		assertThat(catchThrowableOfType(CallRefused.class,
				() -> policy.dialable(CallRefused.Party.CUSTOMER, "+44 7400 123456"))
			.getMessage())
			.isEqualTo("the customer's number +44 7400 123456 is a number in GB; only numbers in US "
					+ "are dialled (crm-bridge.calls.allowed-destinations)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "UK", "XX", "USA", "001" })
	void refusesToStartWithARegionTheNumberingPlansDoNotKnow(String region) {
		assertThatIllegalStateException().isThrownBy(() -> policy("US", List.of("US", region)))
			.withMessageContaining("CRMBRIDGE_CALLS_ALLOWEDDESTINATIONS")
			.withMessageContaining(region);
	}

	private DialPolicy policy(String defaultRegion, @Nullable List<String> allowed) {
		CallProperties properties = new CallProperties(defaultRegion, CallProperties.MultipleMatches.MOST_RECENT_TICKET,
				Duration.ofMinutes(30), Duration.ofDays(180), Duration.ofSeconds(10),
				URI.create("http://localhost:8080"), CallProperties.WithheldCallers.NEW_TICKET, allowed);
		return new DialPolicy(new LibphonenumberNumbers(properties), properties, this.metrics);
	}

}
