package dev.switchboard.crmbridge.call;

import java.util.Optional;

/** Phone number normalisation. */
public interface PhoneNumbers {

	/**
	 * The number in E.164 ({@code +14155550123}), numbers without a country code read in
	 * {@code crm-bridge.calls.default-region}; empty for withheld, anonymous or invalid
	 * numbers.
	 */
	Optional<String> e164(String raw);

	/**
	 * The national significant number's digits ({@code 4155550123}) of an E.164 number.
	 */
	String nationalDigits(String e164);

	/** A readable form for notes and subjects ({@code +1 415-555-0123}). */
	String display(String e164);

	/**
	 * What dialling the number would reach; empty unless it is a valid number of its
	 * country's numbering plan (a possible length is not enough).
	 */
	Optional<Destination> destination(String raw);

	/** Whether the numbering plans know this ISO 3166 region code. */
	boolean knownRegion(String region);

}
