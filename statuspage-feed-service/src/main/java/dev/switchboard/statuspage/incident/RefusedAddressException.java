package dev.switchboard.statuspage.incident;

import java.net.UnknownHostException;

/**
 * A customer-supplied URL's host is, or resolves to, an address the service must not call
 * (loopback, private, link-local, or an IPv6 form that embeds one): thrown before any
 * connection is made. An I/O failure, so HTTP clients pass it through.
 */
public class RefusedAddressException extends UnknownHostException {

	public RefusedAddressException() {
		super(Unreachable.REFUSED.text());
	}

}
