package dev.switchboard.statuspage.incident.feed;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import javax.net.SocketFactory;

import dev.switchboard.statuspage.incident.RefusedAddressException;
import okhttp3.Dns;

/**
 * Keeps user-supplied URLs (feeds, Teams and webhook targets) off the service's own
 * network: a loopback, private, link-local (cloud metadata 169.254.169.254), shared,
 * unique-local address, or an IPv6 form that carries an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo) is refused. Checked twice: at lookup, and on every socket before
 * it connects, so IP literals (which OkHttp never asks the {@link Dns} about,
 * {@code 127.1} and {@code 2130706433} included) and every redirect hop are refused
 * without a packet sent.
 */
final class PublicAddresses extends SocketFactory implements Dns {

	private final boolean allowPrivate;

	PublicAddresses(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	@Override
	public List<InetAddress> lookup(String hostname) throws UnknownHostException {
		List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
		if (!this.allowPrivate && !addresses.stream().allMatch(PublicAddresses::isPublic)) {
			throw new RefusedAddressException();
		}
		return addresses;
	}

	@Override
	public Socket createSocket() {
		return new CheckedSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port));
	}

	private Socket connected(InetSocketAddress address) throws IOException {
		Socket socket = new CheckedSocket();
		socket.connect(address);
		return socket;
	}

	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		return switch (address) {
			case Inet4Address v4 -> isPublicV4(bytes);
			case Inet6Address v6 -> isPublicV6(bytes);
			default -> false;
		};
	}

	private static boolean isPublicV4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		int third = bytes[2] & 0xff;
		// 0/8, 100.64/10 shared (carrier-grade NAT), 192.0.0/24 protocol assignments,
		// 192.0.2/24, 198.51.100/24, 203.0.113/24 documentation, 198.18/15
		// benchmarking, 240/4 reserved and broadcast
		return !(first == 0 || (first == 100 && second >= 64 && second < 128)
				|| (first == 192 && second == 0 && (third == 0 || third == 2))
				|| (first == 198 && second == 51 && third == 100) || (first == 203 && second == 0 && third == 113)
				|| (first == 198 && (second & 0xfe) == 18) || first >= 240);
	}

	/**
	 * Whole ranges are refused where an IPv4 address hides in the IPv6 one: a gateway or
	 * the dual-stack socket would connect to the IPv4 address, which may be private.
	 */
	private static boolean isPublicV6(byte[] bytes) {
		int first = ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff);
		int second = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
		boolean leadingZeros = true;
		for (int i = 0; i < 10; i++) {
			leadingZeros &= bytes[i] == 0;
		}
		// ::/80 holds ::/128, ::1, IPv4-compatible ::a.b.c.d (::/96) and IPv4-mapped
		// ::ffff:a.b.c.d (::ffff:0:0/96, which the JDK unwraps only when it parses)
		return !(leadingZeros
				// 64:ff9b::/96 NAT64 and 64:ff9b:1::/48 local-use NAT64
				|| (first == 0x64 && second == 0xff9b)
				// 100::/64 discard-only
				|| (first == 0x100 && second == 0 && bytes[4] == 0 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 0)
				// 2001::/32 Teredo, 2001:db8::/32 documentation, 2002::/16 6to4
				|| (first == 0x2001 && (second == 0 || second == 0xdb8)) || first == 0x2002
				// fc00::/7 unique local
				|| (first & 0xfe00) == 0xfc00);
	}

	/** Checks the address before connecting, whoever asked for it. */
	private final class CheckedSocket extends Socket {

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!PublicAddresses.this.allowPrivate && endpoint instanceof InetSocketAddress address
					&& (address.getAddress() == null || !isPublic(address.getAddress()))) {
				close();
				throw new RefusedAddressException();
			}
			super.connect(endpoint, timeout);
		}

	}

}
