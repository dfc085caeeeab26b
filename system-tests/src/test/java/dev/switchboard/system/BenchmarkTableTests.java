package dev.switchboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code ./switchboard bench all} turns benchmark logs into its table and files. */
class BenchmarkTableTests {

	@Test
	void collectsTheFigureLinesOfEveryLogAndTheLastOneWins(@TempDir Path logs) throws IOException {
		Files.writeString(logs.resolve("gateway.log"), "warming up\nfigure\tgateway.h2.rate\t700.000\t/s\t>= 2058\n"
				+ "figure\tgateway.h2.rate\t768.500\t/s\t>= 2058\nfigure\tbroken\tnot-a-number\t/s\t\n");
		Files.writeString(logs.resolve("callbacks.log"), "figure\tcallbacks.processed-rate\t40.000\t/s\t>= accepted\n");

		Map<String, BenchmarkFigure> figures = BenchmarkTable.collect(logs);

		assertThat(figures).containsOnlyKeys("gateway.h2.rate", "callbacks.processed-rate");
		assertThat(figures.get("gateway.h2.rate").value()).isEqualTo(768.5);
		assertThat(figures.get("callbacks.processed-rate").target()).isEqualTo(">= accepted");
	}

	@Test
	void showsTodayBesideThePreviousRunAndKeepsFiguresNotRunToday() {
		Map<String, BenchmarkTable.Recorded> previous = BenchmarkTable
			.read(BenchmarkTable.write(Map.of("gateway.h2.rate",
					new BenchmarkTable.Recorded(new BenchmarkFigure("gateway.h2.rate", 686, "/s", ">= 2058"),
							"2026-11-30"),
					"fanout.rate-to-bound", new BenchmarkTable.Recorded(
							new BenchmarkFigure("fanout.rate-to-bound", 0.95, "x", ">= 0.9"), "2026-11-30"))));

		String table = BenchmarkTable
			.table(Map.of("gateway.h2.rate", new BenchmarkFigure("gateway.h2.rate", 768.4, "/s", ">= 2058")), previous);

		assertThat(table).contains("| gateway.h2.rate | >= 2058 /s | 768 /s | 686 /s (2026-11-30) |")
			.contains("| fanout.rate-to-bound | >= 0.9 x | not run | 0.950 x (2026-11-30) |");
	}

	@Test
	void putsTheTableBetweenTheReadmesMarkersOnly() {
		String readme = "# Title\n## Performance\n" + BenchmarkTable.BEGIN + "\nold table\n" + BenchmarkTable.END
				+ "\nafter\n";

		String updated = BenchmarkTable.withTable(readme, "| new | table |\n", "2026-12-03");

		assertThat(updated).startsWith("# Title\n## Performance\n" + BenchmarkTable.BEGIN)
			.contains("| new | table |")
			.doesNotContain("old table")
			.endsWith(BenchmarkTable.END + "\nafter\n");
		assertThat(BenchmarkTable.withTable("no markers", "| t |", "2026-12-03")).isEqualTo("no markers");
	}

}
