@NullMarked
package dev.switchboard.remotesession.session.scheduling;

import org.jspecify.annotations.NullMarked;
