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
