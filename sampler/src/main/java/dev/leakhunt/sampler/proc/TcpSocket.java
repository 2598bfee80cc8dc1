package dev.leakhunt.sampler.proc;

/** One line of {@code /proc/<pid>/net/tcp} or {@code tcp6}: endpoints as {@code address:port}. */
public record TcpSocket(long inode, TcpState state, String local, String peer) {
}
