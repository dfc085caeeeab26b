@NullMarked
package dev.switchboard.sandbox;

import org.jspecify.annotations.NullMarked;
