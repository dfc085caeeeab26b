@NullMarked
package dev.switchboard.sandbox.story;

import org.jspecify.annotations.NullMarked;
