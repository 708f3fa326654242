#!/usr/bin/env python3
"""Helpers for run_escape.sh, all running OUTSIDE the sandbox.

  escape_helper.py servers FIXTURE   listeners the attacks try to reach:
      TCP 127.0.0.1:P, UDP 127.0.0.1:U and U+1, a unix stream socket at
      FIXTURE/outside/usock and an abstract socket; every payload line
      received is appended to FIXTURE/server.log. Writes "P U ABSTRACT" to
      FIXTURE/ports when ready.
  escape_helper.py victim LOG        an unrelated process that logs every
      signal it receives (SIGCONT, SIGIO, SIGUSR1, ...) to LOG.
  escape_helper.py pty FD CMD...     run CMD with the slave side of a new
      pseudo-terminal at descriptor FD.
"""
import os
import select
import signal
import socket
import sys
import time


def servers(fix):
    log = open(os.path.join(fix, "server.log"), "a", buffering=1)
    tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:  # accept TCP fast open data, so that a TFO escape is visible
        tcp.setsockopt(socket.IPPROTO_TCP, 23, 16)
    except OSError:
        pass
    tcp.bind(("127.0.0.1", 0))
    tcp.listen(64)
    while True:  # two adjacent UDP ports
        u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u1.bind(("127.0.0.1", 0))
        port = u1.getsockname()[1]
        u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            u2.bind(("127.0.0.1", port + 1))
            break
        except OSError:
            u1.close()
            u2.close()
    usock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    usock.bind(os.path.join(fix, "outside", "usock"))
    usock.listen(16)
    abstract = "escape-probe-%d" % os.getpid()
    asock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    asock.bind("\0" + abstract)
    asock.listen(16)
    listeners = {tcp: "tcp", usock: "unix", asock: "abstract"}
    dgrams = {u1: "udp", u2: "udp2"}
    conns = {}
    tmp = os.path.join(fix, "ports.tmp")
    with open(tmp, "w") as f:
        f.write("%d %d %s\n" % (tcp.getsockname()[1], port, abstract))
    os.rename(tmp, os.path.join(fix, "ports"))
    while True:
        rd, _, _ = select.select(list(listeners) + list(dgrams) + list(conns),
                                 [], [], 1.0)
        for s in rd:
            if s in listeners:
                c, _ = s.accept()
                c.setblocking(False)
                conns[c] = listeners[s]
                log.write("%s: connection\n" % listeners[s])
            elif s in dgrams:
                data = s.recv(65536)
                log.write("%s: %s\n" % (dgrams[s], data.decode("utf-8", "replace").strip()))
            else:
                try:
                    data = s.recv(65536)
                except OSError:
                    data = b""
                if data:
                    log.write("%s: %s\n" % (conns[s], data.decode("utf-8", "replace").strip()))
                else:
                    del conns[s]
                    s.close()


def victim(logpath):
    log = open(logpath, "a", buffering=1)

    def handler(signum, frame):
        log.write("received %s\n" % signal.Signals(signum).name)

    for sig in (signal.SIGCONT, signal.SIGIO, signal.SIGUSR1, signal.SIGUSR2,
                signal.SIGHUP, signal.SIGURG, signal.SIGWINCH):
        signal.signal(sig, handler)
    while True:
        time.sleep(3600)


def pty_run(fd, argv):
    master, slave = os.openpty()
    if slave != fd:
        os.dup2(slave, fd)
        os.close(slave)
    os.set_inheritable(fd, True)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.execvp(argv[0], argv)
    os.close(fd)
    done, status = 0, 0
    while True:  # drain the terminal so that nothing blocks
        try:
            r, _, _ = select.select([master], [], [], 0.2)
            if r and not os.read(master, 4096):
                break
        except OSError:
            break
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    if not done:
        _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        os.kill(os.getpid(), os.WTERMSIG(status))  # same status as the child
    sys.exit(os.WEXITSTATUS(status))


if __name__ == "__main__":
    if sys.argv[1] == "servers":
        servers(sys.argv[2])
    elif sys.argv[1] == "victim":
        victim(sys.argv[2])
    elif sys.argv[1] == "pty":
        pty_run(int(sys.argv[2]), sys.argv[3:])
    else:
        sys.exit(100)
