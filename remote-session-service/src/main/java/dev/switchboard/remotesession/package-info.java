@NullMarked
package dev.switchboard.remotesession;

import org.jspecify.annotations.NullMarked;
