package dev.switchboard.crmbridge.call;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which numbers Switchboard dials, so that neither a click nor a {@code /call} note can
 * run up a phone bill: the agent's and the customer's numbers alike must be valid numbers
 * of a region listed in {@code crm-bridge.calls.allowed-destinations} (default: the
 * {@code default-region}) and ordinary lines there: fixed, mobile, toll-free, VoIP.
 * Refused whatever the region: premium-rate, shared-cost, UAN, voicemail access, pager,
 * personal ("follow-me") numbers, which are billed at the caller's expense far above an
 * ordinary call (UK 070 and US 500 personal numbers are a known fraud route), and numbers
 * whose type the numbering plan does not name.
 */
@Component
public class DialPolicy {

	static final String PROPERTY = "crm-bridge.calls.allowed-destinations";

	private static final Set<Destination.Line> ORDINARY = Set.of(Destination.Line.FIXED_LINE, Destination.Line.MOBILE,
			Destination.Line.FIXED_LINE_OR_MOBILE, Destination.Line.TOLL_FREE, Destination.Line.VOIP);

	private final PhoneNumbers numbers;

	private final List<String> allowed;

	private final CallMetrics metrics;

	public DialPolicy(PhoneNumbers numbers, CallProperties properties, CallMetrics metrics) {
		this.numbers = numbers;
		this.allowed = properties.allowedDestinations();
		this.metrics = metrics;
		for (String region : this.allowed) {
			if (!numbers.knownRegion(region)) {
				throw new IllegalStateException(PROPERTY + " (CRMBRIDGE_CALLS_ALLOWEDDESTINATIONS) lists \"" + region
						+ "\", which is not a region code the numbering plans know (ISO 3166, e.g. US, GB)");
			}
		}
	}

	/**
	 * @return the number in E.164
	 * @throws CallRefused when the number is missing, invalid or not to be dialled
	 */
	public String dialable(CallRefused.Party party, @Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			throw refused(party, "missing", party.words() + " is missing");
		}
		Destination destination = this.numbers.destination(raw)
			.orElseThrow(() -> refused(party, "invalid", party.words()
					+ " is not a valid phone number (a number abroad starts with + and its country code)"));
		String shown = this.numbers.display(destination.e164());
		if (!ORDINARY.contains(destination.line())) {
			String kind = kind(destination.line());
			throw refused(party, tag(destination.line()), party.words() + " " + shown + " is a " + kind
					+ " number; calls to " + kind + " numbers are refused (" + PROPERTY + ")");
		}
		if (!this.allowed.contains(destination.region())) {
			throw refused(party, "region", party.words() + " " + shown + " is a number in " + destination.region()
					+ "; only numbers in " + String.join(", ", this.allowed) + " are dialled (" + PROPERTY + ")");
		}
		return destination.e164();
	}

	/**
	 * Whether the number would be dialled, without counting a refusal: asked of a number
	 * from a cached profile before deciding to read the profile again.
	 */
	public boolean accepts(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return false;
		}
		return this.numbers.destination(raw)
			.filter((destination) -> ORDINARY.contains(destination.line())
					&& this.allowed.contains(destination.region()))
			.isPresent();
	}

	/**
	 * Refuses a number that is missing for a reason the caller knows better than
	 * "missing" (e.g. the ticket's requester has no phone).
	 */
	public CallRefused missing(CallRefused.Party party, String why) {
		return refused(party, "missing", why);
	}

	private CallRefused refused(CallRefused.Party party, String reason, String message) {
		this.metrics.refused(reason, party.name().toLowerCase(Locale.ROOT));
		return new CallRefused(party, reason, message);
	}

	private static String tag(Destination.Line line) {
		return switch (line) {
			case PREMIUM_RATE -> "premium-rate";
			case SHARED_COST -> "shared-cost";
			case UAN -> "uan";
			case VOICEMAIL -> "voicemail";
			case PAGER -> "pager";
			case PERSONAL_NUMBER -> "personal-number";
			default -> "unknown-type";
		};
	}

	private static String kind(Destination.Line line) {
		return switch (line) {
			case PREMIUM_RATE -> "premium-rate";
			case SHARED_COST -> "shared-cost";
			case UAN -> "universal access (UAN)";
			case VOICEMAIL -> "voicemail access";
			case PAGER -> "pager";
			case PERSONAL_NUMBER -> "personal (follow-me)";
			default -> "unclassified";
		};
	}

}
