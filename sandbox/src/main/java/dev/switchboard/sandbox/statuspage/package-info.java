@NullMarked
package dev.switchboard.sandbox.statuspage;

import org.jspecify.annotations.NullMarked;
