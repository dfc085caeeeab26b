/**
 * Secrets this service stores (links that open a screen while valid) are encrypted at
 * rest: {@link dev.switchboard.remotesession.secret.SecretCipher} is the port, AES-GCM
 * with keys from {@code switchboard.encryption.*} the adapter.
 */
@NullMarked
package dev.switchboard.remotesession.secret;

import org.jspecify.annotations.NullMarked;
