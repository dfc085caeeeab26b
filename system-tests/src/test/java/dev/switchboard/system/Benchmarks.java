package dev.switchboard.system;

import java.util.Map;

/**
 * {@code ./switchboard bench <name>}: runs one benchmark's main class. Each prints its
 * figures and asserts nothing; {@code table} is the end of {@code bench all}
 * ({@link BenchmarkTable}).
 */
public final class Benchmarks {

	private static final Map<String, String> MAIN_CLASSES = Map.of("gateway", "GatewayBenchmark", "fanout",
			"FanOutBenchmark", "polling", "FeedPollingBenchmark", "table", "BenchmarkTable");

	private Benchmarks() {
	}

	/** One benchmark by name, or several in turn: {@code gateway,fanout,polling}. */
	public static void main(String[] args) throws Exception {
		String names = (args.length > 0) ? args[0] : "";
		for (String name : names.split(",")) {
			String main = MAIN_CLASSES.get(name.strip());
			if (main == null) {
				throw new IllegalArgumentException("no benchmark named '" + name + "': " + MAIN_CLASSES.keySet());
			}
		}
		for (String name : names.split(",")) {
			Class.forName(Benchmarks.class.getPackageName() + "." + MAIN_CLASSES.get(name.strip()))
				.getMethod("main", String[].class)
				.invoke(null, (Object) new String[0]);
		}
	}

}
