package dev.switchboard.crmbridge.ticket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HelpdeskIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "35436", "9000000000", "9223372036854775807" })
	void acceptsDigitsThatNameOneTicket(String id) {
		assertThat(HelpdeskIds.valid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "../users/1", "1%2F..%2Fusers", "1/../2", "..", ".", "-1", "+1", " 1", "1 ",
			"1\n", "１２", "١٢", "1e3", "0x1F", "1.0", "1_000", "0", "0123", "9223372036854775808",
			"12345678901234567890", "35436?x=1", "35436#x", "35436;x", "%31" })
	void refusesEverythingElse(String id) {
		assertThat(HelpdeskIds.valid(id)).isFalse();
	}

	@Test
	void refusesNothingAtAllAndAVeryLongId() {
		assertThat(HelpdeskIds.valid(null)).isFalse();
		assertThat(HelpdeskIds.valid("1".repeat(10_000))).isFalse();
	}

	@Test
	void quotesAnIdForALogLineWithoutItsLineBreaksAndCutsItShort() {
		assertThat(HelpdeskIds.quoted("1\nINFO forged")).isEqualTo("\"1\\u000aINFO forged\"");
		assertThat(HelpdeskIds.quoted("7".repeat(500))).startsWith("\"" + "7".repeat(40) + "\"…")
			.endsWith("(500 characters)");
	}

}
