@NullMarked
package dev.switchboard.sandbox.admin;

import org.jspecify.annotations.NullMarked;
