package dev.switchboard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings of a path that a hostile caller tries to get past a check that reads the
 * path differently from the router (percent-encoding of letters, slashes and dots, path
 * parameters, dot segments, doubled and trailing slashes, backslashes, case, overlong
 * UTF-8), and a client that sends a request line exactly as written (HTTP client
 * libraries normalise or refuse most of these).
 */
public final class HostilePaths {

	private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");

	private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

	private HostilePaths() {
	}

	/** An answer: its status, its problem type (empty if none) and its body. */
	public record Answer(int status, String problemType, String body) {

		public String summary() {
			return this.status + " " + this.body.substring(0, Math.min(200, this.body.length()));
		}

	}

	/** The spellings of {@code path} (which starts with {@code /}), itself first. */
	public static Set<String> spellings(String path) {
		Set<String> spellings = new LinkedHashSet<>();
		String rest = path.substring(1);
		int slash = rest.indexOf('/');
		String first = (slash < 0) ? rest : rest.substring(0, slash);
		String tail = (slash < 0) ? "" : rest.substring(slash);
		spellings.add(path);
		spellings.add("/" + first + ";x" + tail);
		spellings.add("/" + first + ";" + tail);
		spellings.add(path + ";jsessionid=1");
		spellings.add("/" + encodeFirst(first, "%02x") + tail);
		spellings.add("/" + encodeFirst(first, "%02X") + tail);
		spellings.add("/%25" + String.format("%02x", (int) first.charAt(0)) + first.substring(1) + tail);
		spellings.add(encodeAll(path));
		spellings.add(path.replace("/", "%2F").replaceFirst("%2F", "/"));
		spellings.add(path.replace("/", "%2f").replaceFirst("%2f", "/"));
		spellings.add("/x/../" + rest);
		spellings.add("/x/%2e%2e/" + rest);
		spellings.add("/x/%2E%2E/" + rest);
		spellings.add("/x/.%2e/" + rest);
		spellings.add("/x/..%2f" + rest);
		spellings.add("/x/%c0%ae%c0%ae/" + rest);
		spellings.add("/./" + rest);
		spellings.add("/" + first + "/." + tail);
		spellings.add("/webhooks/../" + rest);
		spellings.add("/webhooks/%2e%2e/" + rest);
		spellings.add("/webhooks/github/..%2f..%2f" + rest);
		spellings.add("/webhooks;/../" + rest);
		spellings.add("/livez/../" + rest);
		spellings.add("/readyz;/../" + rest);
		spellings.add("/" + path);
		spellings.add("/" + first + "//" + tail.replaceFirst("^/", ""));
		spellings.add(path + "/");
		spellings.add(path + "//");
		spellings.add(path + "/.");
		spellings.add(path + "%20");
		spellings.add(path + "%00");
		spellings.add(path + "%09");
		spellings.add(path.toUpperCase(Locale.ROOT));
		spellings.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + tail);
		spellings.add("/" + first + "\\" + tail.replaceFirst("^/", ""));
		spellings.add(path.replace("/", "\\"));
		spellings.add(path + ".json");
		spellings.add(path + "?x=1");
		return spellings;
	}

	/** Sends the request line exactly as written, with a small JSON body for POST. */
	public static Answer send(int port, String method, String target) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String content = method.equals("POST") ? "{\"ticketId\":\"1\"}" : "";
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + content.length() + "\r\n\r\n" + content)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher status = STATUS.matcher(response);
			int code = status.find() ? Integer.parseInt(status.group(1)) : -1;
			int bodyStart = response.indexOf("\r\n\r\n");
			String body = (bodyStart < 0) ? "" : response.substring(bodyStart + 4);
			Matcher type = TYPE.matcher(body);
			return new Answer(code, type.find() ? type.group(1) : "", body);
		}
	}

	private static String encodeFirst(String segment, String format) {
		return "%" + String.format(format, (int) segment.charAt(0)) + segment.substring(1);
	}

	private static String encodeAll(String path) {
		StringBuilder encoded = new StringBuilder();
		for (char c : path.toCharArray()) {
			encoded.append((c == '/') ? "/" : String.format("%%%02x", (int) c));
		}
		return encoded.toString();
	}

}
