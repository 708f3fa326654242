/*
 * ad_limits: runs into resource limits, for the --limit-* tests.
 * Argdata keys (each optional, done in this order), results to `out`:
 *   `nofile: true`: dup fd 0 until it fails:
 *       "nofile highest=<last fd obtained> errno=<errno>"
 *   `fsize_file` (fd of a writable file) with `fsize_bytes` (int): write
 *       that many bytes in 4 KiB blocks, SIGXFSZ ignored:
 *       "fsize wrote=<bytes written> errno=<errno or none>"
 *   `as_bytes` (int): mmap that many bytes of anonymous memory:
 *       "as bytes=<n> result=ok|<errno>"
 *   `fork: true`: fork once (the child exits at once):
 *       "fork result=ok|<errno>"
 *   `spin: true`: burn CPU until killed (for --limit-cpu).
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ad_common.h"

int main(void) {
  struct ad_start start;
  int out, ffd;
  long long as;

  ad_start_read(&start);
  out = ad_lookup_fd(start.root, "out");
  if (out < 0)
    out = 1;
  if (ad_lookup_bool(start.root, "nofile")) {
    int highest = -1, fd;
    while ((fd = dup(0)) >= 0)
      highest = fd;
    ad_printf(out, "nofile highest=%d errno=%s\n", highest,
              ad_errno_name(errno));
  }
  ffd = ad_lookup_fd(start.root, "fsize_file");
  if (ffd >= 0) {
    long long want = ad_lookup_int(start.root, "fsize_bytes", 1 << 20);
    long long done = 0;
    char block[4096];
    int err = 0;
    memset(block, 'x', sizeof(block));
    signal(SIGXFSZ, SIG_IGN);
    while (done < want) {
      size_t chunk = want - done < (long long)sizeof(block)
                         ? (size_t)(want - done)
                         : sizeof(block);
      ssize_t n = write(ffd, block, chunk);
      if (n < 0) {
        err = errno;
        break;
      }
      done += n;
    }
    ad_printf(out, "fsize wrote=%lld errno=%s\n", done,
              err ? ad_errno_name(err) : "none");
  }
  as = ad_lookup_int(start.root, "as_bytes", 0);
  if (as > 0) {
    void *p = mmap(NULL, (size_t)as, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    ad_printf(out, "as bytes=%lld result=%s\n", as,
              p != MAP_FAILED ? "ok" : ad_errno_name(errno));
    if (p != MAP_FAILED)
      munmap(p, (size_t)as);
  }
  if (ad_lookup_bool(start.root, "fork")) {
    pid_t pid = fork();
    if (pid == 0)
      _exit(0);
    if (pid > 0)
      waitpid(pid, NULL, 0);
    ad_printf(out, "fork result=%s\n", pid > 0 ? "ok" : ad_errno_name(errno));
  }
  if (ad_lookup_bool(start.root, "spin")) {
    volatile unsigned long x = 0;
    ad_printf(out, "spinning\n");
    for (;;)
      ++x;
  }
  return 0;
}
