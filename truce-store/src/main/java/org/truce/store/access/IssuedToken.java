package org.truce.store.access;

/** A token just issued, with its secret: the only time the secret exists outside its holder. */
public record IssuedToken(ApiToken token, String secret) {
}
