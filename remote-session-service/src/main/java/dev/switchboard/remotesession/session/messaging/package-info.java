@NullMarked
package dev.switchboard.remotesession.session.messaging;

import org.jspecify.annotations.NullMarked;
