@NullMarked
package dev.switchboard.remotesession.session.guacamole;

import org.jspecify.annotations.NullMarked;
