/*
 * Socket attacks: creating sockets of every family, unix sockets by path
 * and abstract name, and misuse of the handed-in sockets (TCP fast open,
 * listen, connect, bind, sendto/sendmsg with an address).
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "escape_probe.h"

#ifndef AF_KEY
#define AF_KEY 15
#endif
#ifndef IPPROTO_MPTCP
#define IPPROTO_MPTCP 262
#endif
#ifndef MSG_FASTOPEN
#define MSG_FASTOPEN 0x20000000
#endif

static int sock(long family, long type, long proto) {
  long fd = syscall(SYS_socket, family, type, proto);
  if (fd < 0)
    return errno;
  close((int)fd);
  return 0;
}

static int pair(long family, long type) {
  int sv[2];
  if (syscall(SYS_socketpair, family, type, L(0), sv) < 0)
    return errno;
  close(sv[0]);
  close(sv[1]);
  return 0;
}

static struct sockaddr_in lo(int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* The payload the runner's servers look for. */
static const char *payload(void) {
  static char buf[128];
  snprintf(buf, sizeof(buf), "ESCAPE-%s\n", probe.name);
  return buf;
}

int a_socket_inet_stream(void) { return sock(AF_INET, SOCK_STREAM, 0); }
int a_socket_inet_dgram(void) { return sock(AF_INET, SOCK_DGRAM, 0); }
int a_socket_inet_raw(void) {
  return sock(AF_INET, SOCK_RAW, IPPROTO_ICMP);
}
int a_socket_inet6_stream(void) { return sock(AF_INET6, SOCK_STREAM, 0); }
int a_socket_inet6_dgram(void) { return sock(AF_INET6, SOCK_DGRAM, 0); }
int a_socket_inet6_raw(void) {
  return sock(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
}
int a_socket_unix_stream(void) { return sock(AF_UNIX, SOCK_STREAM, 0); }
int a_socket_unix_dgram(void) { return sock(AF_UNIX, SOCK_DGRAM, 0); }
int a_socket_unix_seqpacket(void) {
  return sock(AF_UNIX, SOCK_SEQPACKET, 0);
}
int a_socket_netlink(void) { return sock(AF_NETLINK, SOCK_RAW, 0); }
int a_socket_packet(void) { return sock(AF_PACKET, SOCK_RAW, 0); }
int a_socket_vsock(void) { return sock(AF_VSOCK, SOCK_STREAM, 0); }
int a_socket_alg(void) { return sock(AF_ALG, SOCK_SEQPACKET, 0); }
int a_socket_key(void) { return sock(AF_KEY, SOCK_RAW, 2); }
int a_socket_xdp(void) { return sock(AF_XDP, SOCK_RAW, 0); }
int a_socket_mptcp(void) { return sock(AF_INET, SOCK_STREAM, IPPROTO_MPTCP); }
int a_socketpair_dgram(void) { return pair(AF_UNIX, SOCK_DGRAM); }
int a_socketpair_inet(void) { return pair(AF_INET, SOCK_STREAM); }
int a_socket_family_highbits(void) {
  return sock((long)(AF_INET | (1UL << 32)), SOCK_STREAM, 0);
}
int a_socketpair_type_highbits(void) {
  return pair(AF_UNIX, (long)(SOCK_DGRAM | (1UL << 32)));
}

static int unix_connect(const char *path, int abstract) {
  struct sockaddr_un a;
  long fd = syscall(SYS_socket, L(AF_UNIX), L(SOCK_STREAM), L(0));
  if (fd < 0)
    return errno;
  memset(&a, 0, sizeof(a));
  a.sun_family = AF_UNIX;
  size_t len = strlen(path);
  if (len + 2 > sizeof(a.sun_path))
    return ENAMETOOLONG;
  memcpy(a.sun_path + (abstract ? 1 : 0), path, len);
  socklen_t alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len +
                               (abstract ? 1 : 0));
  if (syscall(SYS_connect, fd, &a, L(alen)) < 0)
    return errno;
  (void)!write((int)fd, payload(), strlen(payload()));
  return 0;
}
int a_unix_connect_path(void) { return unix_connect(fx("outside/usock"), 0); }
int a_unix_connect_abstract(void) {
  return unix_connect(probe.abstract_name, 1);
}

int a_tfo_sendto(void) {
  struct sockaddr_in a = lo(probe.tcp_port);
  return SC(SYS_sendto, L(probe.tcp_listen), payload(), strlen(payload()),
            L(MSG_FASTOPEN), &a, L(sizeof(a)));
}
int a_listen_conn(void) { return SC(SYS_listen, L(probe.tcp_conn), L(8)); }
int a_connect_listen(void) {
  struct sockaddr_in a = lo(probe.tcp_port);
  return SC(SYS_connect, L(probe.tcp_listen), &a, L(sizeof(a)));
}
int a_bind_conn(void) {
  struct sockaddr_in a = lo(0);
  return SC(SYS_bind, L(probe.tcp_conn), &a, L(sizeof(a)));
}
int a_reconnect_udp(void) {
  struct sockaddr_in a = lo(probe.udp_port + 1);
  if (syscall(SYS_connect, L(probe.udp_conn), &a, L(sizeof(a))) < 0)
    return errno;
  (void)!write(probe.udp_conn, payload(), strlen(payload()));
  return 0;
}
int a_sendto_udp_addr(void) {
  struct sockaddr_in a = lo(probe.udp_port + 1);
  return SC(SYS_sendto, L(probe.udp_conn), payload(), strlen(payload()), L(0),
            &a, L(sizeof(a)));
}
static int msgname(int multi) {
  struct sockaddr_in a = lo(probe.udp_port + 1);
  struct iovec iov = {(void *)payload(), strlen(payload())};
  struct mmsghdr mm;
  memset(&mm, 0, sizeof(mm));
  mm.msg_hdr.msg_name = &a;
  mm.msg_hdr.msg_namelen = sizeof(a);
  mm.msg_hdr.msg_iov = &iov;
  mm.msg_hdr.msg_iovlen = 1;
  if (multi)
    return SC(SYS_sendmmsg, L(probe.udp_conn), &mm, L(1), L(0));
  return SC(SYS_sendmsg, L(probe.udp_conn), &mm.msg_hdr, L(0));
}
int a_residual_sendmsg_msgname_udp(void) { return msgname(0); }
int a_residual_sendmmsg_msgname_udp(void) { return msgname(1); }
int a_highptr_sendto(void) {
  void *p = mmap((void *)0x100000000UL, 4096, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (p != (void *)0x100000000UL) {
    probe_custom("SETUP-FAILED mmap at 0x100000000: errno %d", errno);
    return PROBE_CUSTOM;
  }
  struct sockaddr_in a = lo(probe.udp_port + 1);
  memcpy(p, &a, sizeof(a));
  return SC(SYS_sendto, L(probe.udp_conn), payload(), strlen(payload()), L(0),
            p, L(sizeof(a)));
}

/* ---- controls ---- */

int a_ctl_socketpair_stream(void) {
  int sv[2];
  char b[4];
  if (syscall(SYS_socketpair, L(AF_UNIX), L(SOCK_STREAM), L(0), sv) < 0)
    return errno;
  if (write(sv[0], "abc", 3) != 3 || read(sv[1], b, 3) != 3)
    return errno;
  return 0;
}
int a_ctl_socketpair_seqpacket(void) { return pair(AF_UNIX, SOCK_SEQPACKET); }
int a_ctl_listen_sockname(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof(a);
  if (syscall(SYS_getsockname, L(probe.tcp_listen), &a, &len) < 0)
    return errno;
  if (a.sin_family != AF_INET || a.sin_port == 0)
    return EINVAL;
  if (syscall(SYS_fcntl, L(probe.tcp_listen), L(F_SETFL), L(O_NONBLOCK)) < 0)
    return errno;
  long fd = syscall(SYS_accept4, L(probe.tcp_listen), NULL, NULL, L(0));
  if (fd < 0 && errno != EAGAIN)
    return errno;
  return 0;
}
int a_ctl_tcp_send(void) {
  static char buf[128];
  snprintf(buf, sizeof(buf), "CONTROL-%s\n", probe.name);
  return write(probe.tcp_conn, buf, strlen(buf)) < 0 ? errno : 0;
}
int a_ctl_udp_send(void) {
  static char buf[128];
  snprintf(buf, sizeof(buf), "CONTROL-%s\n", probe.name);
  return SC(SYS_sendto, L(probe.udp_conn), buf, strlen(buf), L(0), NULL, L(0));
}

/* ---- ioctls on a handed-in socket ---- */

struct ifreq_ {
  char name[16];
  union {
    short flags;
    char pad[24];
  } u;
};
int a_ioctl_siocsifflags(void) {
  struct ifreq_ ifr;
  memset(&ifr, 0, sizeof(ifr));
  strcpy(ifr.name, "lo");
  if (syscall(SYS_ioctl, L(probe.udp_conn), L(0x8913 /* SIOCGIFFLAGS */),
              &ifr) < 0)
    return errno;
  return SC(SYS_ioctl, L(probe.udp_conn), L(0x8914 /* SIOCSIFFLAGS */), &ifr);
}
int a_ioctl_siocgifconf(void) {
  static char buf[4096];
  struct {
    int len;
    int pad;
    char *buf;
  } ifc = {sizeof(buf), 0, buf};
  return SC(SYS_ioctl, L(probe.udp_conn), L(0x8912 /* SIOCGIFCONF */), &ifc);
}

int a_scm_credentials_spoof(void) {
  int sv[2];
  if (syscall(SYS_socketpair, L(AF_UNIX), L(SOCK_STREAM), L(0), sv) < 0) {
    probe_custom("SETUP-FAILED socketpair: errno %d", errno);
    return PROBE_CUSTOM;
  }
  struct {
    int pid;
    unsigned uid, gid;
  } cred = {(int)probe.victim, 0, 0};
  union {
    struct cmsghdr h;
    char buf[CMSG_SPACE(sizeof(cred))];
  } u;
  memset(&u, 0, sizeof(u));
  u.h.cmsg_len = CMSG_LEN(sizeof(cred));
  u.h.cmsg_level = SOL_SOCKET;
  u.h.cmsg_type = SCM_CREDENTIALS;
  memcpy(CMSG_DATA(&u.h), &cred, sizeof(cred));
  struct iovec iov = {(void *)"x", 1};
  struct msghdr m;
  memset(&m, 0, sizeof(m));
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  m.msg_control = u.buf;
  m.msg_controllen = sizeof(u.buf);
  return SC(SYS_sendmsg, L(sv[0]), &m, L(0));
}

/* ---- socket options on the handed-in sockets ---- */

static int sockopt(int fd, long level, long opt, const void *val, long len) {
  return SC(SYS_setsockopt, L(fd), level, opt, val, len);
}
static const int one = 1;

int a_sockopt_ip_add_membership(void) {
  /* struct ip_mreq: group 224.0.0.251 (mDNS), any interface. */
  uint32_t mreq[2] = {htonl(0xe00000fbU), htonl(INADDR_ANY)};
  return sockopt(probe.udp_conn, IPPROTO_IP, 35 /* IP_ADD_MEMBERSHIP */, mreq,
                 sizeof(mreq));
}
int a_sockopt_ip_multicast_if(void) {
  uint32_t addr = htonl(INADDR_LOOPBACK);
  return sockopt(probe.udp_conn, IPPROTO_IP, 32 /* IP_MULTICAST_IF */, &addr,
                 sizeof(addr));
}
int a_sockopt_bindtodevice(void) {
  return sockopt(probe.udp_conn, SOL_SOCKET, 25 /* SO_BINDTODEVICE */, "lo",
                 3);
}
int a_sockopt_attach_filter(void) {
  struct {
    uint16_t code;
    uint8_t jt, jf;
    uint32_t k;
  } accept_all = {0x06 /* BPF_RET|BPF_K */, 0, 0, 0xffffffffU};
  struct {
    unsigned short len;
    void *filter;
  } prog = {1, &accept_all};
  return sockopt(probe.udp_conn, SOL_SOCKET, 26 /* SO_ATTACH_FILTER */, &prog,
                 sizeof(prog));
}
int a_sockopt_broadcast(void) {
  return sockopt(probe.udp_conn, SOL_SOCKET, 6 /* SO_BROADCAST */, &one,
                 sizeof(one));
}
int a_sockopt_priority(void) {
  int prio = 6; /* the highest without CAP_NET_ADMIN */
  return sockopt(probe.udp_conn, SOL_SOCKET, 12 /* SO_PRIORITY */, &prio,
                 sizeof(prio));
}
int a_sockopt_reuseport(void) {
  return sockopt(probe.tcp_listen, SOL_SOCKET, 15 /* SO_REUSEPORT */, &one,
                 sizeof(one));
}
int a_sockopt_tcp_ulp(void) {
  return sockopt(probe.tcp_conn, IPPROTO_TCP, 31 /* TCP_ULP */, "tls", 4);
}
int a_sockopt_tcp_congestion(void) {
  return sockopt(probe.tcp_conn, IPPROTO_TCP, 13 /* TCP_CONGESTION */, "reno",
                 5);
}
int a_sockopt_highbits(void) {
  /* The upper half holds an allowed option (SO_KEEPALIVE); the kernel reads
   * the lower half, SO_BINDTODEVICE. */
  return sockopt(probe.udp_conn, SOL_SOCKET, (long)((9UL << 32) | 25), "lo",
                 3);
}

/* ---- controls ---- */

int a_ctl_sockopt_tcp(void) {
  static const struct {
    long level, opt;
  } opts[] = {
      {IPPROTO_TCP, 1 /* TCP_NODELAY */},   {SOL_SOCKET, 9 /* SO_KEEPALIVE */},
      {IPPROTO_TCP, 4 /* TCP_KEEPIDLE */},  {IPPROTO_TCP, 5 /* KEEPINTVL */},
      {IPPROTO_TCP, 6 /* TCP_KEEPCNT */},   {IPPROTO_TCP, 12 /* QUICKACK */},
      {IPPROTO_TCP, 18 /* USER_TIMEOUT */}, {IPPROTO_TCP, 25 /* NOTSENT */},
      {SOL_SOCKET, 7 /* SO_SNDBUF */},      {SOL_SOCKET, 8 /* SO_RCVBUF */},
      {SOL_SOCKET, 2 /* SO_REUSEADDR */},
      /* junk in the upper half of the level: the kernel ignores it */
      {(long)((1UL << 32) | IPPROTO_TCP), 1 /* TCP_NODELAY */},
  };
  struct timeval tv = {5, 0};
  struct linger lg = {0, 0};
  int e, v = 30;
  for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); ++i)
    if ((e = sockopt(probe.tcp_conn, opts[i].level, opts[i].opt, &v,
                     sizeof(v))))
      return e;
  if ((e = sockopt(probe.tcp_conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv))) ||
      (e = sockopt(probe.tcp_conn, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv))) ||
      (e = sockopt(probe.tcp_conn, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg))))
    return e;
  v = 1;
  if ((e = sockopt(probe.tcp_conn, IPPROTO_TCP, 3 /* TCP_CORK */, &v,
                   sizeof(v))))
    return e;
  v = 0;
  if ((e = sockopt(probe.tcp_conn, IPPROTO_TCP, 3 /* TCP_CORK */, &v,
                   sizeof(v))))
    return e;
  return a_ctl_tcp_send();
}
int a_ctl_sockopt_udp(void) {
  struct timeval tv = {5, 0};
  int e, v = 65536;
  if ((e = sockopt(probe.udp_conn, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v))) ||
      (e = sockopt(probe.udp_conn, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v))) ||
      (e = sockopt(probe.udp_conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv))))
    return e;
  return a_ctl_udp_send();
}
int a_ctl_sockopt_listen(void) {
  int e, v = 5;
  if ((e = sockopt(probe.tcp_listen, IPPROTO_TCP, 9 /* TCP_DEFER_ACCEPT */,
                   &v, sizeof(v))) ||
      (e = sockopt(probe.tcp_listen, SOL_SOCKET, SO_REUSEADDR, &one,
                   sizeof(one))))
    return e;
  return sockopt(probe.tcp_listen, SOL_SOCKET, SO_KEEPALIVE, &one,
                 sizeof(one));
}

/* ---- a bound, unconnected UDP socket (`bind:` without `connect:`) ---- */

int a_udp_bound_sendto(void) {
  struct sockaddr_in a = lo(probe.udp_port);
  return SC(SYS_sendto, L(probe.udp_bound), payload(), strlen(payload()),
            L(0), &a, L(sizeof(a)));
}
int a_residual_udp_bound_sendmsg(void) {
  struct sockaddr_in a = lo(probe.udp_port);
  struct iovec iov = {(void *)payload(), strlen(payload())};
  struct msghdr m;
  memset(&m, 0, sizeof(m));
  m.msg_name = &a;
  m.msg_namelen = sizeof(a);
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  return SC(SYS_sendmsg, L(probe.udp_bound), &m, L(0));
}
int a_ctl_udp_bound(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof(a);
  char b[16];
  if (syscall(SYS_getsockname, L(probe.udp_bound), &a, &len) < 0)
    return errno;
  if (a.sin_family != AF_INET || a.sin_port == 0)
    return EINVAL;
  if (syscall(SYS_recvfrom, L(probe.udp_bound), b, sizeof(b),
              L(MSG_DONTWAIT), NULL, NULL) >= 0)
    return 0;
  return errno == EAGAIN ? 0 : errno;
}
