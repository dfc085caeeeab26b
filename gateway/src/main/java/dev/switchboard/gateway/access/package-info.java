/**
 * Who may do what: the role an admin key has ({@link Role}) and what a request to the
 * admin API or the console does ({@link Actions}: a read, or a change of a kind). Deny by
 * default: only GET and HEAD are reads; any other request is a change, and a change no
 * rule names is the strongest kind. The admin API's and the console's doors ask the same
 * question, so a key may do the same through both.
 */
@NullMarked
package dev.switchboard.gateway.access;

import org.jspecify.annotations.NullMarked;
