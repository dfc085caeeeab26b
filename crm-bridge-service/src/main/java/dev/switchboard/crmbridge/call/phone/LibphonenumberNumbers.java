package dev.switchboard.crmbridge.call.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.switchboard.crmbridge.call.CallProperties;
import dev.switchboard.crmbridge.call.PhoneNumbers;

import org.springframework.stereotype.Component;

/** libphonenumber: E.164 with {@code crm-bridge.calls.default-region}. */
@Component
class LibphonenumberNumbers implements PhoneNumbers {

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
