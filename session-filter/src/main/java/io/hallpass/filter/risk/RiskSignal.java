package io.hallpass.filter.risk;

/** Something about a request that makes its session look less like the one that signed in. */
public enum RiskSignal {
    /** The session was opened from a device (device cookie) the account had not signed in from before. */
    NEW_DEVICE,
    /** The client's network (IPv4 /24, IPv6 /48) differs from the one the session last proved itself from. */
    NETWORK_CHANGED,
    /** The {@code User-Agent} differs from the one the session last proved itself from: a copied cookie? */
    USER_AGENT_CHANGED,
    /** The sign-in that opened the session came right after a burst of failed attempts on the account. */
    FAILED_LOGINS_BEFORE_SUCCESS
}
