@NullMarked
package dev.switchboard.remotesession.access.web;

import org.jspecify.annotations.NullMarked;
