@NullMarked
package dev.switchboard.sandbox.webhook;

import org.jspecify.annotations.NullMarked;
