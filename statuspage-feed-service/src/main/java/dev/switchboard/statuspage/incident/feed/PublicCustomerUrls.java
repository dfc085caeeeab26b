package dev.switchboard.statuspage.incident.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.switchboard.statuspage.incident.CustomerUrls;
import dev.switchboard.statuspage.incident.FeedProperties;
import okhttp3.HttpUrl;

import org.springframework.stereotype.Component;

/**
 * Checks a customer-supplied URL without resolving it: an http(s) URL with a host, https
 * for targets, and a host that is not an address of ours. The host is taken as both
 * {@link URI} and OkHttp (which sends the request) read it, so a spelling the two parse
 * differently cannot slip through. Numeric hosts must be plain dotted IPv4 or IPv6:
 * {@code 127.1}, {@code 0x7f000001}, {@code 2130706433} or {@code 0177.0.0.1} are refused
 * whatever they mean, since resolvers disagree on them.
 */
@Component
class PublicCustomerUrls implements CustomerUrls {

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	/**
	 * A last label that is a number (decimal, octal or hex): an IPv4 address spelling.
	 */
	private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");

	private static final int MAX_LENGTH = 2000;

	private final boolean allowPrivate;

	private final boolean allowInsecureTargets;

	PublicCustomerUrls(FeedProperties properties) {
		this.allowPrivate = properties.allowPrivateAddresses();
		this.allowInsecureTargets = properties.allowInsecureTargets();
	}

	@Override
	public Optional<String> refusal(String url, Use use) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("is not a URL");
		}
		HttpUrl parsed = HttpUrl.parse(url);
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (parsed == null || uri.getHost() == null || url.length() > MAX_LENGTH
				|| !(scheme.equals("http") || scheme.equals("https"))) {
			return Optional.of("must be an http(s) URL with a host");
		}
		if (use == Use.TARGET && !parsed.isHttps() && !this.allowInsecureTargets) {
			return Optional.of("must use https");
		}
		if (this.allowPrivate) {
			return Optional.empty();
		}
		return hostRefusal(uri.getHost()).or(() -> hostRefusal(parsed.host()));
	}

	private static Optional<String> hostRefusal(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		while (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		if (name.isEmpty() || name.equals("localhost") || name.endsWith(".localhost")) {
			return Optional.of("is not a public address");
		}
		if (name.contains(":")) {
			return isPublicLiteral(name) ? Optional.empty() : Optional.of("is not a public address");
		}
		String last = name.substring(name.lastIndexOf('.') + 1);
		if (!NUMERIC_LABEL.matcher(last).matches()) {
			// a DNS name: where it resolves is checked on every connection
			return Optional.empty();
		}
		if (!DOTTED_QUAD.matcher(name).matches()) {
			return Optional.of("must name its host or write its IPv4 address as four decimal numbers");
		}
		return isPublicLiteral(name) ? Optional.empty() : Optional.of("is not a public address");
	}

	/**
	 * An IP literal: a dotted quad or a text with colons, which the JDK parses without a
	 * lookup (an invalid IPv6 text fails at once).
	 */
	private static boolean isPublicLiteral(String literal) {
		try {
			return PublicAddresses.isPublic(InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
