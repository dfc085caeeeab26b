@NullMarked
package dev.switchboard.sandbox.slack;

import org.jspecify.annotations.NullMarked;
