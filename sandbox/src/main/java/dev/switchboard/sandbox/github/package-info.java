@NullMarked
package dev.switchboard.sandbox.github;

import org.jspecify.annotations.NullMarked;
