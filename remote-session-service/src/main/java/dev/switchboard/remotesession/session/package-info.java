/**
 * Remote-desktop sessions started from tickets: one vendor-neutral model, the vendors
 * behind {@link dev.switchboard.remotesession.session.SessionProvider}.
 */
@NullMarked
package dev.switchboard.remotesession.session;

import org.jspecify.annotations.NullMarked;
