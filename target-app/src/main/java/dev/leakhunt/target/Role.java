package dev.leakhunt.target;

/** What this process serves: the lab service, or the downstream service the lab service calls. */
public enum Role {
    TARGET, DOWNSTREAM
}
