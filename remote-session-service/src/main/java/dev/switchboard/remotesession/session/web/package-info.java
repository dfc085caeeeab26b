@NullMarked
package dev.switchboard.remotesession.session.web;

import org.jspecify.annotations.NullMarked;
