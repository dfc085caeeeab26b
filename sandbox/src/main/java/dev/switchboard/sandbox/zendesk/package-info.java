@NullMarked
package dev.switchboard.sandbox.zendesk;

import org.jspecify.annotations.NullMarked;
