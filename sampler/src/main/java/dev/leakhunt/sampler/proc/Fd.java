package dev.leakhunt.sampler.proc;

/** One open fd of the target, with the TCP socket behind it when there is one (else null). */
public record Fd(int fd, FdKind kind, String target, TcpSocket tcp) {
}
