@NullMarked
package dev.switchboard.remotesession.session.persistence;

import org.jspecify.annotations.NullMarked;
