package dev.switchboard.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The end of {@code ./switchboard bench all}: collects the figure lines
 * ({@link BenchmarkFigure}) from each benchmark's log, prints one table (figure, target,
 * today, previous) with the previous figures read from {@code docs/benchmarks.tsv},
 * writes today's figures there (the previous ones of the next run), and puts the table
 * into the README's performance section, between its two markers.
 */
public final class BenchmarkTable {

	static final String BEGIN = "<!-- bench all: begin -->";

	static final String END = "<!-- bench all: end -->";

	private BenchmarkTable() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Repository.root();
		Path logs = Path.of(System.getProperty("bench.logs", root.resolve(".switchboard/bench").toString()));
		Path results = root.resolve("docs/benchmarks.tsv");
		Path readme = root.resolve("README.md");
		Map<String, BenchmarkFigure> today = collect(logs);
		Map<String, Recorded> previous = Files.exists(results) ? read(Files.readString(results)) : Map.of();
		String date = LocalDate.now(ZoneOffset.UTC).toString();
		String table = table(today, previous);
		System.out.println();
		System.out.print(table);
		Map<String, Recorded> next = new LinkedHashMap<>(previous);
		today.forEach((name, figure) -> next.put(name, new Recorded(figure, date)));
		Files.writeString(results, write(next));
		Files.writeString(readme, withTable(Files.readString(readme), table, date));
		System.out.println("\nWritten: " + root.relativize(results) + " (the previous figures of the next run) and "
				+ "the performance section of README.md");
	}

	/** Every figure line of every {@code *.log} under {@code logs}; a later one wins. */
	static Map<String, BenchmarkFigure> collect(Path logs) throws IOException {
		Map<String, BenchmarkFigure> figures = new LinkedHashMap<>();
		if (!Files.isDirectory(logs)) {
			return figures;
		}
		List<Path> files;
		try (Stream<Path> listed = Files.list(logs)) {
			files = listed.filter((file) -> file.toString().endsWith(".log")).sorted().toList();
		}
		for (Path file : files) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				BenchmarkFigure.parse(line).ifPresent((figure) -> figures.put(figure.name(), figure));
			}
		}
		return figures;
	}

	/** A Markdown table: today's figures first, then those only a previous run has. */
	static String table(Map<String, BenchmarkFigure> today, Map<String, Recorded> previous) {
		StringBuilder table = new StringBuilder("| figure | target | today | previous |\n|---|---|---|---|\n");
		List<String> names = new ArrayList<>(today.keySet());
		previous.keySet().stream().filter((name) -> !today.containsKey(name)).forEach(names::add);
		for (String name : names) {
			BenchmarkFigure now = today.get(name);
			Recorded before = previous.get(name);
			BenchmarkFigure any = (now != null) ? now : before.figure();
			table.append("| ")
				.append(name)
				.append(" | ")
				.append(target(any))
				.append(" | ")
				.append((now != null) ? value(now) : "not run")
				.append(" | ")
				.append((before != null) ? value(before.figure()) + " (" + before.date() + ")" : "")
				.append(" |\n");
		}
		return table.toString();
	}

	/**
	 * The target with its unit when it is a number ({@code <= 0.25 ms},
	 * {@code >= accepted}).
	 */
	private static String target(BenchmarkFigure figure) {
		String target = figure.target();
		boolean numeric = !target.isEmpty() && Character.isDigit(target.charAt(target.length() - 1));
		return (numeric && !figure.unit().isBlank()) ? target + " " + figure.unit() : target;
	}

	private static String value(BenchmarkFigure figure) {
		double value = figure.value();
		String number = (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%.0f", value) : (Math.abs(value) >= 10)
				? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.3f", value);
		return figure.unit().isBlank() ? number : number + " " + figure.unit();
	}

	static Map<String, Recorded> read(String tsv) {
		Map<String, Recorded> recorded = new LinkedHashMap<>();
		for (String line : tsv.split("\n")) {
			String[] fields = line.split("\t", -1);
			if (line.startsWith("#") || fields.length < 5) {
				continue;
			}
			try {
				recorded.put(fields[0],
						new Recorded(
								new BenchmarkFigure(fields[0], Double.parseDouble(fields[1]), fields[2], fields[3]),
								fields[4]));
			}
			catch (NumberFormatException ex) {
				// a hand-edited line that is not a figure: left out
			}
		}
		return recorded;
	}

	static String write(Map<String, Recorded> figures) {
		StringBuilder tsv = new StringBuilder(
				"# ./switchboard bench all writes this file: each figure's last measured value (the 'previous'\n"
						+ "# column of the next run). figure, value, unit, target, date measured (UTC).\n");
		figures.forEach((name, recorded) -> tsv.append(String.format(Locale.ROOT, "%s\t%.3f\t%s\t%s\t%s%n", name,
				recorded.figure().value(), recorded.figure().unit(), recorded.figure().target(), recorded.date())));
		return tsv.toString();
	}

	/** The README with the table between its markers; unchanged without the markers. */
	static String withTable(String readme, String table, String date) {
		int begin = readme.indexOf(BEGIN);
		int end = readme.indexOf(END);
		if (begin < 0 || end < begin) {
			return readme;
		}
		return readme.substring(0, begin + BEGIN.length()) + "\n\n`./switchboard bench all` on " + date + ":\n\n"
				+ table + "\n" + readme.substring(end);
	}

	/** A figure with the date it was measured. */
	record Recorded(BenchmarkFigure figure, String date) {
	}

}
