@NullMarked
package dev.switchboard.sandbox.teams;

import org.jspecify.annotations.NullMarked;
