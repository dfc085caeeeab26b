/** Tests of the Zendesk app's files and package. */
@NullMarked
package dev.switchboard.helpdeskapp;

import org.jspecify.annotations.NullMarked;
