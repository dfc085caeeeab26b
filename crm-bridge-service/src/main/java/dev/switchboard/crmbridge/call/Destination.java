package dev.switchboard.crmbridge.call;

/**
 * What dialling a number reaches, as far as the numbering plan of its country tells.
 *
 * @param e164 the number in E.164
 * @param region the ISO 3166 region the number belongs to ({@code 001} for non-geographic
 * numbers such as {@code +800})
 * @param line the kind of line the number plan assigns it to
 */
public record Destination(String e164, String region, Line line) {

	/** The kinds of line numbering plans distinguish. */
	public enum Line {

		FIXED_LINE, MOBILE, FIXED_LINE_OR_MOBILE, TOLL_FREE, PREMIUM_RATE, SHARED_COST, VOIP, PERSONAL_NUMBER, PAGER,
		UAN, VOICEMAIL, UNKNOWN

	}

}
