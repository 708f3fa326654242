"""Small network helpers for the launcher tests (stdlib only).

  net.py freeport [HOST]              print a free TCP port
  net.py client ADDR                  connect (retrying for 10 s), print what
                                      the peer sends until EOF
  net.py server ADDR READY            listen, create READY, accept one
                                      connection, read a line, answer
                                      "pong\\n", close
  net.py eofserver ADDR READY OUT     listen, create READY, accept one
                                      connection, wait up to 10 s for EOF,
                                      write "eof after N ms" or "no eof" to OUT
  net.py hold ADDR READY              listen and sleep (keeps the port busy)
  net.py udphold ADDR READY           bind a UDP socket with SO_REUSEADDR,
                                      create READY, sleep (keeps the port)
  net.py udpsend ADDR MESSAGE         send MESSAGE every 0.1 s for 10 s
  net.py udpserver ADDR READY         bind, create READY, answer the first
                                      datagram with "pong\\n"
ADDR is HOST:PORT, [V6]:PORT or /unix/path.
"""
import os
import socket
import sys
import time


def parse(addr, kind=socket.SOCK_STREAM):
    if addr.startswith("/"):
        return socket.socket(socket.AF_UNIX, kind), addr
    host, port = addr.rsplit(":", 1)
    if host.startswith("["):
        return socket.socket(socket.AF_INET6, kind), (host[1:-1], int(port))
    return socket.socket(socket.AF_INET, kind), (host, int(port))


def main():
    cmd = sys.argv[1]
    if cmd == "freeport":
        host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
        fam = socket.AF_INET6 if ":" in host else socket.AF_INET
        s = socket.socket(fam, socket.SOCK_STREAM)
        s.bind((host, 0))
        print(s.getsockname()[1])
        return 0
    if cmd == "udphold":
        s, a = parse(sys.argv[2], socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(a)
        with open(sys.argv[3], "w") as f:
            f.write("ready\n")
        time.sleep(120)
        return 0
    if cmd == "client":
        deadline = time.time() + 10
        while True:
            s, a = parse(sys.argv[2])
            try:
                s.connect(a)
                break
            except OSError:
                s.close()
                if time.time() > deadline:
                    raise
                time.sleep(0.05)
        s.settimeout(10)
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode())
        return 0
    if cmd == "eofserver":
        s, a = parse(sys.argv[2])
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(a)
        s.listen(5)
        with open(sys.argv[3], "w") as f:
            f.write("ready\n")
        s.settimeout(20)
        c, _ = s.accept()
        t0 = time.time()
        c.settimeout(10)
        result = "no eof"
        try:
            while c.recv(100):
                pass
            result = "eof after %d ms" % ((time.time() - t0) * 1000)
        except socket.timeout:
            pass
        with open(sys.argv[4], "w") as f:
            f.write(result + "\n")
        return 0
    if cmd in ("server", "hold"):
        s, a = parse(sys.argv[2])
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(a)
        s.listen(5)
        with open(sys.argv[3], "w") as f:
            f.write("ready\n")
        if cmd == "hold":
            time.sleep(120)
            return 0
        s.settimeout(20)
        c, _ = s.accept()
        c.settimeout(10)
        line = b""
        while not line.endswith(b"\n"):
            chunk = c.recv(100)
            if not chunk:
                break
            line += chunk
        c.sendall(b"pong\n")
        c.close()
        return 0
    if cmd == "udpsend":
        s, a = parse(sys.argv[2], socket.SOCK_DGRAM)
        for _ in range(100):
            try:
                s.sendto(sys.argv[3].encode(), a)
            except OSError:
                pass
            time.sleep(0.1)
        return 0
    if cmd == "udpserver":
        s, a = parse(sys.argv[2], socket.SOCK_DGRAM)
        s.bind(a)
        with open(sys.argv[3], "w") as f:
            f.write("ready\n")
        s.settimeout(20)
        _, peer = s.recvfrom(1000)
        s.sendto(b"pong\n", peer)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
