@NullMarked
package dev.switchboard.remotesession.session.metrics;

import org.jspecify.annotations.NullMarked;
