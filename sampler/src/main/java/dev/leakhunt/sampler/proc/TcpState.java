package dev.leakhunt.sampler.proc;

/** TCP states as numbered in {@code /proc/net/tcp} (include/net/tcp_states.h). */
public enum TcpState {
    ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE, CLOSE_WAIT, LAST_ACK, LISTEN, CLOSING,
    NEW_SYN_RECV;

    /** @param hex the {@code st} column, e.g. {@code 08} for CLOSE_WAIT */
    public static TcpState ofHex(String hex) {
        int code = Integer.parseInt(hex, 16);
        if (code < 1 || code > values().length) {
            throw new IllegalArgumentException("unknown TCP state " + hex);
        }
        return values()[code - 1];
    }
}
