@NullMarked
package dev.switchboard.statuspage;

import org.jspecify.annotations.NullMarked;
