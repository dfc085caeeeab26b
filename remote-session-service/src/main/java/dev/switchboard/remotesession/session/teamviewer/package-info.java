@NullMarked
package dev.switchboard.remotesession.session.teamviewer;

import org.jspecify.annotations.NullMarked;
