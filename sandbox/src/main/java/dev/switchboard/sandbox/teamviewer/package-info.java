@NullMarked
package dev.switchboard.sandbox.teamviewer;

import org.jspecify.annotations.NullMarked;
