package dev.switchboard.crmbridge.call.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.Destination;
import dev.switchboard.crmbridge.call.PhoneNumbers;

import org.springframework.stereotype.Component;

/**
 * libphonenumber: E.164 with {@code crm-bridge.calls.default-region}; what a number
 * reaches (its region and line type) for the dial policy.
 */
@Component
class LibphonenumberNumbers implements PhoneNumbers {

	/** Longer input is not a phone number (libphonenumber itself stops at 250). */
	private static final int MAX_INPUT = 100;

	private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

	private final String region;

	LibphonenumberNumbers(CallProperties properties) {
		this.region = properties.defaultRegion();
	}

	@Override
	public Optional<String> e164(String raw) {
		String lower = raw.trim().toLowerCase(java.util.Locale.ROOT);
		// Twilio's spellings of a withheld caller id
		if (lower.isEmpty() || lower.startsWith("client:") || lower.startsWith("sip:") || lower.equals("anonymous")
				|| lower.equals("restricted") || lower.equals("unknown") || lower.equals("+266696687")) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = this.util.parse(raw, this.region);
			if (!this.util.isPossibleNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(this.util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<Destination> destination(String raw) {
		if (raw.length() > MAX_INPUT) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = this.util.parse(raw, this.region);
			if (!this.util.isValidNumber(number)) {
				return Optional.empty();
			}
			String region = this.util.getRegionCodeForNumber(number);
			return Optional.of(new Destination(this.util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
					(region != null) ? region : "ZZ", line(this.util.getNumberType(number))));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	@Override
	public boolean knownRegion(String region) {
		return this.util.getSupportedRegions().contains(region);
	}

	private static Destination.Line line(PhoneNumberUtil.PhoneNumberType type) {
		return switch (type) {
			case FIXED_LINE -> Destination.Line.FIXED_LINE;
			case MOBILE -> Destination.Line.MOBILE;
			case FIXED_LINE_OR_MOBILE -> Destination.Line.FIXED_LINE_OR_MOBILE;
			case TOLL_FREE -> Destination.Line.TOLL_FREE;
			case PREMIUM_RATE -> Destination.Line.PREMIUM_RATE;
			case SHARED_COST -> Destination.Line.SHARED_COST;
			case VOIP -> Destination.Line.VOIP;
			case PERSONAL_NUMBER -> Destination.Line.PERSONAL_NUMBER;
			case PAGER -> Destination.Line.PAGER;
			case UAN -> Destination.Line.UAN;
			case VOICEMAIL -> Destination.Line.VOICEMAIL;
			case UNKNOWN -> Destination.Line.UNKNOWN;
		};
	}

	@Override
	public String nationalDigits(String e164) {
		try {
			return this.util.getNationalSignificantNumber(this.util.parse(e164, this.region));
		}
		catch (NumberParseException ex) {
			return e164.replaceAll("\\D", "");
		}
	}

	@Override
	public String display(String e164) {
		try {
			return this.util.format(this.util.parse(e164, this.region),
					PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException ex) {
			return e164;
		}
	}

}
