@NullMarked
package dev.switchboard.sandbox.twilio;

import org.jspecify.annotations.NullMarked;
