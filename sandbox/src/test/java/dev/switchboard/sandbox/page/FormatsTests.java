package dev.switchboard.sandbox.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	private final Formats formats = new Formats();

	@Test
	void writesSlacksMrkdwnAsHtmlAfterEscapingTheText() {
		assertThat(this.formats.mrkdwn("*Identified* – <script>alert(1)</script> & _soon_, snake_case stays"))
			.isEqualTo("<b>Identified</b> – &lt;script&gt;alert(1)&lt;/script&gt; &amp; <i>soon</i>, snake_case stays");
	}

	@Test
	void writesASlackTsAsTheTimeOfDayItNames() {
		assertThat(this.formats.slackTime("1796288890.325299")).isEqualTo("09:08:10");
		assertThat(this.formats.slackTime("not a ts")).isEqualTo("not a ts");
	}

}
