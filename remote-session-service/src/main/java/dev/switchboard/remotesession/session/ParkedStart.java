package dev.switchboard.remotesession.session;

/**
 * A start waiting for its vendor.
 *
 * @param attempts how many times the vendor was tried
 */
public record ParkedStart(Session session, int attempts) {
}
