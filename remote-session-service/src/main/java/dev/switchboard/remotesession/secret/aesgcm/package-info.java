@NullMarked
package dev.switchboard.remotesession.secret.aesgcm;

import org.jspecify.annotations.NullMarked;
