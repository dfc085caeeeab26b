package dev.switchboard.system;

import java.util.Locale;
import java.util.Optional;

/**
 * One figure a benchmark measured, printed on a line of its own for
 * {@code ./switchboard bench all} to collect ({@link BenchmarkTable}):
 * {@code figure<TAB>name<TAB>value<TAB>unit<TAB>target}. The module benchmarks print the
 * same line with {@code printf}.
 *
 * @param name dotted, benchmark first ({@code gateway.h2.rate})
 * @param target as the issue states it ({@code <= 0.25}); empty when there is none
 */
record BenchmarkFigure(String name, double value, String unit, String target) {

	private static final String PREFIX = "figure\t";

	void print() {
		System.out.println(line());
	}

	String line() {
		return String.format(Locale.ROOT, "%s%s\t%.3f\t%s\t%s", PREFIX, this.name, this.value, this.unit, this.target);
	}

	/** The figure a benchmark's output line holds; empty for any other line. */
	static Optional<BenchmarkFigure> parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] fields = line.substring(PREFIX.length()).split("\t", -1);
		if (fields.length < 4) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BenchmarkFigure(fields[0], Double.parseDouble(fields[1]), fields[2], fields[3]));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
