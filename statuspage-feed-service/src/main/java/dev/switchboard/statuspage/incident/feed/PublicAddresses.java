package dev.switchboard.statuspage.incident.feed;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps user-supplied URLs (feeds, Teams and webhook targets) off the service's own
 * network: a host that resolves to a loopback, private, link-local (cloud metadata
 * 169.254.169.254), shared or unique-local address is refused. Checked twice, because
 * OkHttp does not ask the {@link Dns} for IP literals: at lookup (before connecting), and
 * as a network interceptor on the address actually connected, which runs for every
 * redirect too.
 */
final class PublicAddresses implements Dns, Interceptor {

	private final boolean allowPrivate;

	PublicAddresses(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	@Override
	public List<InetAddress> lookup(String hostname) throws UnknownHostException {
		List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
		if (!this.allowPrivate) {
			for (InetAddress address : addresses) {
				if (!isPublic(address)) {
					throw new RefusedAddressException(hostname + " resolves to a non-public address");
				}
			}
		}
		return addresses;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		okhttp3.Connection connection = chain.connection();
		if (!this.allowPrivate && connection != null && !isPublic(connection.route().socketAddress().getAddress())) {
			throw new RefusedAddressException(chain.request().url().host() + " is a non-public address");
		}
		return chain.proceed(chain.request());
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 100.64/10 shared (carrier-grade NAT), 0/8, 192.0.0/24, 198.18/15
			// benchmarking
			return !(first == 0 || (first == 100 && second >= 64 && second < 128)
					|| (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
					|| (first == 198 && (second & 0xfe) == 18) || first >= 240);
		}
		if (address instanceof Inet6Address) {
			// fc00::/7 unique local; IPv4-mapped addresses are unwrapped by the JDK
			// already
			return (bytes[0] & 0xfe) != 0xfc;
		}
		return true;
	}

	/** An I/O failure OkHttp passes through; the message says why. */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException(String message) {
			super("refused: " + message);
		}

	}

}
