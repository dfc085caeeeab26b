@NullMarked
package dev.switchboard.sandbox.page;

import org.jspecify.annotations.NullMarked;
