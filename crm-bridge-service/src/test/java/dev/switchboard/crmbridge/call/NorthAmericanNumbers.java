package dev.switchboard.crmbridge.call;

import java.util.Optional;

/**
 * {@link PhoneNumbers} for North American numbers only (+1 and ten digits), enough for
 * the call notes' decisions; libphonenumber's rules are tested in
 * {@code DialPolicyTests}.
 */
public final class NorthAmericanNumbers implements PhoneNumbers {

	@Override
	public Optional<String> e164(String raw) {
		String digits = raw.replaceAll("[^0-9]", "");
		if (digits.length() == 10) {
			digits = "1" + digits;
		}
		return (digits.length() == 11 && digits.startsWith("1")) ? Optional.of("+" + digits) : Optional.empty();
	}

	@Override
	public String nationalDigits(String e164) {
		return e164.substring(2);
	}

	@Override
	public String display(String e164) {
		return "+1 " + e164.substring(2, 5) + "-" + e164.substring(5, 8) + "-" + e164.substring(8);
	}

	@Override
	public Optional<Destination> destination(String raw) {
		return Optional.empty();
	}

	@Override
	public boolean knownRegion(String region) {
		return "US".equals(region) || "CA".equals(region);
	}

}
