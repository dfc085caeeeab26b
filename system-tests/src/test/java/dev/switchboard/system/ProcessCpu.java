package dev.switchboard.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * CPU time used by the processes that share this machine during a benchmark, read from
 * {@code /proc}: a snapshot per group, and the difference of two snapshots as a share of
 * one core. Shows what a saturated machine spends its cores on.
 */
final class ProcessCpu {

	private static final long TICKS_PER_SECOND = 100; // USER_HZ on every Linux this runs
														// on

	private final Map<String, LongPredicate> groups = new LinkedHashMap<>();

	private final Map<String, String> commands = new LinkedHashMap<>();

	/**
	 * A group of the processes whose command name (as in {@code /proc/<pid>/stat}) is
	 * {@code command}.
	 */
	ProcessCpu command(String group, String command) {
		this.commands.put(group, command);
		return this;
	}

	/** A group of the processes with the given ids. */
	ProcessCpu pids(String group, long... pids) {
		Set<Long> members = LongStream.of(pids).boxed().collect(Collectors.toSet());
		this.groups.put(group, members::contains);
		return this;
	}

	/** CPU ticks used so far, per group (processes that ended are not counted). */
	Map<String, Long> snapshot() {
		Map<String, Long> ticks = new LinkedHashMap<>();
		this.groups.keySet().forEach((group) -> ticks.put(group, 0L));
		this.commands.keySet().forEach((group) -> ticks.put(group, 0L));
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			processes.filter((path) -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.forEach((path) -> count(path, ticks));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list /proc", ex);
		}
		return ticks;
	}

	private void count(Path process, Map<String, Long> ticks) {
		Stat stat;
		try {
			stat = Stat.of(Long.parseLong(process.getFileName().toString()));
		}
		catch (IOException ex) {
			return; // ended meanwhile
		}
		this.groups.forEach((group, member) -> {
			if (member.test(stat.pid())) {
				ticks.merge(group, stat.ticks(), Long::sum);
			}
		});
		this.commands.forEach((group, name) -> {
			if (name.equals(stat.command())) {
				ticks.merge(group, stat.ticks(), Long::sum);
			}
		});
	}

	/** User plus system CPU time one process has used so far. */
	static Duration cpuTime(long pid) throws IOException {
		return Duration.ofMillis(Stat.of(pid).ticks() * 1000 / TICKS_PER_SECOND);
	}

	/** A process's command name and its user plus system CPU ticks. */
	private record Stat(long pid, String command, long ticks) {

		static Stat of(long pid) throws IOException {
			String stat = String.join(" ", Files.readAllLines(Path.of("/proc", Long.toString(pid), "stat")));
			// fields after the command name in parentheses: state is field 3, utime 14,
			// stime 15
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new Stat(pid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
					Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}

	}

	/**
	 * Each group's share of one core between two snapshots taken {@code seconds} apart.
	 */
	static Map<String, Double> coresBetween(Map<String, Long> before, Map<String, Long> after, double seconds) {
		Map<String, Double> cores = new LinkedHashMap<>();
		after.forEach((group, ticks) -> cores.put(group,
				(ticks - before.getOrDefault(group, 0L)) / (double) TICKS_PER_SECOND / seconds));
		return cores;
	}

}
