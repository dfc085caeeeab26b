package dev.switchboard.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports for services a test starts as processes of their own. A port that is free
 * when it is chosen must stay free until the process binds it, seconds later: a port from
 * the kernel's ephemeral range can meanwhile become the local end of any outgoing
 * connection (the services' own connections to PostgreSQL and RabbitMQ among them). So
 * every port chosen here lies below that range.
 */
final class ListenPorts {

	private static final int LOWEST = 10_000;

	/**
	 * Every port handed out in this JVM: a port chosen for one process is still free (not
	 * bound yet) when the next one is chosen, so only this set keeps two processes of one
	 * run from getting the same port.
	 */
	private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

	private ListenPorts() {
	}

	/**
	 * An offset such that {@code base + offset} is free for every base from
	 * {@code lowestBase} to {@code highestBase}, all of them below the ephemeral range.
	 * @param lowestBase the lowest port of the group without the offset
	 * @param highestBase the highest port of the group without the offset
	 * @return a multiple of ten
	 */
	static synchronized int freeOffset(int lowestBase, int highestBase) {
		int room = (firstEphemeral() - highestBase - LOWEST) / 10;
		if (room <= 0) {
			throw new IllegalStateException("no room for ports below the ephemeral range");
		}
		for (int attempt = 0; attempt < 50; attempt++) {
			int candidate = LOWEST + 10 * ThreadLocalRandom.current().nextInt(room);
			if (notHandedOut(lowestBase + candidate, highestBase + candidate)
					&& allFree(lowestBase + candidate, highestBase + candidate)) {
				for (int port = lowestBase + candidate; port <= highestBase + candidate; port++) {
					HANDED_OUT.add(port);
				}
				return candidate;
			}
		}
		throw new IllegalStateException("no free port offset found");
	}

	private static boolean notHandedOut(int from, int to) {
		for (int port = from; port <= to; port++) {
			if (HANDED_OUT.contains(port)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A free port below the ephemeral range.
	 * @return the port
	 */
	static int freePort() {
		return freeOffset(0, 0);
	}

	/**
	 * The first port of the kernel's ephemeral range, from
	 * {@code /proc/sys/net/ipv4/ip_local_port_range}, or 32768 (Linux's default) where
	 * that cannot be read.
	 * @return the port
	 */
	static int firstEphemeral() {
		try {
			// a sysctl file answers a small first read with a cut value, and readString
			// reads small first since the file reports a size of 0: read it by lines
			String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
			return Integer.parseInt(range.split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 32_768;
		}
	}

	private static boolean allFree(int lowest, int highest) {
		for (int port = lowest; port <= highest; port++) {
			try (ServerSocket socket = new ServerSocket(port)) {
				socket.setReuseAddress(true);
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

}
