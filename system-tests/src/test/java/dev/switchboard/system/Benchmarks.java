package dev.switchboard.system;

import java.util.Map;

/**
 * {@code ./switchboard bench <name>}: runs one benchmark's main class. Each prints its
 * figures and asserts nothing.
 */
public final class Benchmarks {

	private static final Map<String, String> MAIN_CLASSES = Map.of("gateway", "GatewayBenchmark", "fanout",
			"FanOutBenchmark", "polling", "FeedPollingBenchmark");

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String name = (args.length > 0) ? args[0] : "";
		String main = MAIN_CLASSES.get(name);
		if (main == null) {
			throw new IllegalArgumentException("no benchmark named '" + name + "': " + MAIN_CLASSES.keySet());
		}
		Class.forName(Benchmarks.class.getPackageName() + "." + main)
			.getMethod("main", String[].class)
			.invoke(null, (Object) new String[0]);
	}

}
