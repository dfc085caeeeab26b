package dev.switchboard.remotesession.session.guacamole;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.switchboard.remotesession.session.Connection;
import dev.switchboard.remotesession.session.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * What a caller may ask guacd to open. Protocols and connection parameters are
 * allow-listed per protocol (names from the "Configuring Guacamole" chapter of the
 * manual): target, credentials for the target, display, clipboard and terminal settings.
 * Everything that reaches guacd's own host stays out: file-system paths and drives
 * ({@code enable-drive}, {@code drive-path}, {@code recording-*}, {@code typescript-*},
 * {@code sftp-*}, printing), other hosts than the target ({@code gateway-*},
 * {@code dest-host}, {@code audio-servername}, {@code wol-*}, {@code load-balance-info},
 * {@code preconnection-*}), listening sockets ({@code reverse-connect}), programs run on
 * the caller's word ({@code initial-program}, {@code remote-app*}, {@code command}) and
 * {@code static-channels}. Drive and recording settings come from configuration only
 * ({@link GuacamoleProperties}). Kubernetes is not offered: its parameters are client
 * certificates and a command to execute.
 */
final class GuacamoleConnectionPolicy {

	private static final Set<String> DISPLAY_AND_CLIPBOARD = Set.of("read-only", "disable-copy", "disable-paste");

	private static final Set<String> TERMINAL = Set.of("color-scheme", "font-name", "font-size", "scrollback",
			"backspace", "terminal-type");

	private static final Map<String, Set<String>> PARAMETERS = Map.of( //
			"rdp",
			union(DISPLAY_AND_CLIPBOARD,
					Set.of("username", "password", "domain", "security", "ignore-cert", "cert-fingerprints",
							"color-depth", "width", "height", "dpi", "resize-method", "force-lossless", "console",
							"server-layout", "timezone", "normalize-clipboard", "disable-audio", "enable-wallpaper",
							"enable-theming", "enable-font-smoothing", "enable-full-window-drag",
							"enable-desktop-composition", "enable-menu-animations", "disable-bitmap-caching",
							"disable-offscreen-caching", "disable-glyph-caching", "disable-gfx")),
			"vnc",
			union(DISPLAY_AND_CLIPBOARD,
					Set.of("username", "password", "color-depth", "swap-red-blue", "cursor", "encodings",
							"force-lossless", "compress-level", "quality-level", "clipboard-encoding",
							"disable-display-resize", "disable-server-input")),
			"ssh",
			union(DISPLAY_AND_CLIPBOARD, TERMINAL,
					Set.of("username", "password", "private-key", "passphrase", "host-key", "server-alive-interval",
							"locale", "timezone")),
			"telnet", union(DISPLAY_AND_CLIPBOARD, TERMINAL, Set.of("username", "password")));

	private static final int MAX_PARAMETERS = 40;

	private static final int MAX_VALUE_LENGTH = 4096;

	private static final int MAX_TOTAL_LENGTH = 8192;

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	/** A label inet_aton would read as a number (decimal, octal or hex). */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");

	private GuacamoleConnectionPolicy() {
	}

	static Set<String> protocols() {
		return PARAMETERS.keySet();
	}

	/**
	 * @throws InvalidFieldException naming the first field at fault
	 */
	static void check(Connection connection) {
		Set<String> allowed = PARAMETERS.get(connection.protocol());
		if (allowed == null) {
			throw new InvalidFieldException("connection.protocol",
					"must be one of " + String.join(", ", new TreeSet<>(PARAMETERS.keySet())));
		}
		checkHostname(connection.hostname());
		checkParameters(connection.protocol(), allowed, connection.parameters());
	}

	private static void checkParameters(String protocol, Set<String> allowed, Map<String, String> parameters) {
		if (parameters.size() > MAX_PARAMETERS) {
			throw new InvalidFieldException("connection.parameters", "has more than " + MAX_PARAMETERS + " entries");
		}
		Set<String> refused = new TreeSet<>();
		int total = 0;
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (!allowed.contains(name)) {
				refused.add(NAME.matcher(name).matches() ? name : "(a malformed name)");
				continue;
			}
			String value = parameter.getValue();
			if (value == null || value.length() > MAX_VALUE_LENGTH || hasControlCharacters(value)) {
				throw new InvalidFieldException("connection.parameters." + name, "must be text of at most "
						+ MAX_VALUE_LENGTH + " characters without control characters other than line breaks");
			}
			total += name.length() + value.length();
		}
		if (!refused.isEmpty()) {
			throw new InvalidFieldException("connection.parameters",
					"may not set " + String.join(", ", List.copyOf(refused).subList(0, Math.min(refused.size(), 10)))
							+ ((refused.size() > 10) ? ", …" : "") + " for " + protocol
							+ " (hostname and port are connection fields; drive and recording settings come from "
							+ "this service's configuration)");
		}
		if (total > MAX_TOTAL_LENGTH) {
			throw new InvalidFieldException("connection.parameters",
					"are longer than " + MAX_TOTAL_LENGTH + " characters in all");
		}
	}

	private static boolean hasControlCharacters(String value) {
		return value.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}

	/**
	 * A DNS name or an IP literal in its ordinary form, never guacd's own host: loopback,
	 * unspecified, link-local and multicast addresses and {@code localhost} names are
	 * refused, and so are numeric spellings the resolver would read as an address
	 * ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 2130706433}). Names are not resolved
	 * here: guacd resolves them in its own network.
	 */
	static void checkHostname(String hostname) {
		String host = hostname.toLowerCase(Locale.ROOT);
		InetAddress literal = literal(host);
		if (literal != null) {
			if (literal.isLoopbackAddress() || literal.isAnyLocalAddress() || literal.isLinkLocalAddress()
					|| literal.isMulticastAddress()) {
				throw new InvalidFieldException("connection.hostname",
						"may not be a loopback, unspecified, link-local or multicast address");
			}
			return;
		}
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String[] labels = name.split("\\.", -1);
		boolean numeric = true;
		for (String label : labels) {
			if (!DNS_LABEL.matcher(label).matches()) {
				throw new InvalidFieldException("connection.hostname", "must be a DNS name or an IPv4 or IPv6 address");
			}
			numeric &= NUMERIC_LABEL.matcher(label).matches();
		}
		if (numeric || name.length() > 253) {
			throw new InvalidFieldException("connection.hostname",
					"must be a DNS name or an IPv4 address in dotted-decimal form");
		}
		if (name.equals("localhost") || name.endsWith(".localhost")) {
			throw new InvalidFieldException("connection.hostname", "may not name guacd's own host");
		}
	}

	private static @Nullable InetAddress literal(String host) {
		if (DOTTED_QUAD.matcher(host).matches() || (host.contains(":") && host.matches("[0-9a-f:.]+"))) {
			try {
				// a literal only (checked above): parsed, never looked up
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException ex) {
				throw new InvalidFieldException("connection.hostname", "is not a valid IP address");
			}
		}
		return null;
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> all = new TreeSet<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return Set.copyOf(all);
	}

}
