/*
 * A pids cgroup for --limit-nproc when the program runs as uid 0, for whom
 * RLIMIT_NPROC does nothing. cgroup v2 when /sys/fs/cgroup is the unified
 * hierarchy with the pids controller, otherwise the v1 pids hierarchy at
 * /sys/fs/cgroup/pids. The cgroup is named cloudabi-run.<pid> and created
 * beside the launcher's own cgroup (v2: its parent must delegate pids).
 * Since a launcher killed with SIGKILL cannot remove its cgroup, each new
 * one first removes the empty cgroups of launchers that no longer exist.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "launcher.h"

/* Our cgroup in /proc/self/cgroup format: the v2 line "0::PATH", or the
 * v1 line "N:CONTROLLERS:PATH" whose controllers include pids. */
int launcher_cgroup_own(FILE *fp, bool v2, char *out, size_t size) {
  char line[PATH_MAX + 64];
  while (fgets(line, sizeof(line), fp) != NULL) {
    char *c1 = strchr(line, ':'), *c2, *ctl, *tok, *save = NULL;
    bool match = false;
    if (c1 == NULL || (c2 = strchr(c1 + 1, ':')) == NULL)
      continue;
    *c1 = *c2 = '\0';
    ctl = c1 + 1;
    c2[1 + strcspn(c2 + 1, "\n")] = '\0';
    if (v2)
      match = strcmp(line, "0") == 0 && ctl[0] == '\0';
    else
      for (tok = strtok_r(ctl, ",", &save); tok != NULL && !match;
           tok = strtok_r(NULL, ",", &save))
        match = strcmp(tok, "pids") == 0;
    if (match && strlen(c2 + 1) < size) {
      strcpy(out, c2 + 1);
      return 0;
    }
  }
  return -ENOENT;
}

static int own_cgroup(bool v2, char *out, size_t size) {
  FILE *fp = fopen("/proc/self/cgroup", "re");
  int r;
  if (fp == NULL)
    return -errno;
  r = launcher_cgroup_own(fp, v2, out, size);
  fclose(fp);
  return r;
}

static int write_file(const char *dir, const char *name, const char *text) {
  char path[PATH_MAX];
  int fd, r = 0;
  if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
    return -ENAMETOOLONG;
  if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0)
    return -errno;
  if (write(fd, text, strlen(text)) < 0)
    r = -errno;
  close(fd);
  return r;
}

static bool has_word(const char *file, const char *word) {
  char buf[512];
  FILE *fp = fopen(file, "re");
  bool found = false;
  if (fp == NULL)
    return false;
  while (fscanf(fp, "%511s", buf) == 1)
    if (strcmp(buf, word) == 0)
      found = true;
  fclose(fp);
  return found;
}

/* The directory in which our cgroup is made, or a negative errno. */
static int parent_dir(char *out, size_t size) {
  char own[PATH_MAX], file[PATH_MAX + 64];
  if (has_word("/sys/fs/cgroup/cgroup.controllers", "pids") &&
      own_cgroup(true, own, sizeof(own)) == 0) {
    char *slash = strrchr(own, '/');
    if (slash != NULL)
      *slash = '\0'; /* beside our cgroup: no internal-process conflict */
    if ((size_t)snprintf(out, size, "/sys/fs/cgroup%s", own) >= size)
      return -ENAMETOOLONG;
    snprintf(file, sizeof(file), "%s/cgroup.subtree_control", out);
    if (!has_word(file, "pids"))
      return write_file(out, "cgroup.subtree_control", "+pids");
    return 0;
  }
  if (access("/sys/fs/cgroup/pids/pids.max", F_OK) == 0 ||
      access("/sys/fs/cgroup/pids/cgroup.procs", F_OK) == 0) {
    if (own_cgroup(false, own, sizeof(own)) != 0)
      strcpy(own, "/");
    if ((size_t)snprintf(out, size, "/sys/fs/cgroup/pids%s", own) >= size)
      return -ENAMETOOLONG;
    return 0;
  }
  return -ENOENT;
}

/* Remove the empty cgroups that launchers which were killed (SIGKILL
 * cannot be caught) left in dir: cloudabi-run.PID whose PID is gone. rmdir
 * of a cgroup that still has members fails, so nothing running is hurt. */
static void remove_stale(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[PATH_MAX];
  if (d == NULL)
    return;
  while ((e = readdir(d)) != NULL) {
    char *end;
    if (strncmp(e->d_name, "cloudabi-run.", 13) != 0)
      continue;
    long pid = strtol(e->d_name + 13, &end, 10);
    if (end == e->d_name + 13 || *end != '\0' || pid <= 0 ||
        kill((pid_t)pid, 0) == 0 || errno != ESRCH)
      continue;
    if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) <
        sizeof(path))
      rmdir(path);
  }
  closedir(d);
}

int launcher_cgroup_create(struct launcher *l, uint64_t pids_max) {
  char parent[PATH_MAX], dir[PATH_MAX + 64], text[32];
  int r = parent_dir(parent, sizeof(parent));
  if (r != 0)
    return r;
  remove_stale(parent);
  snprintf(dir, sizeof(dir), "%s/cloudabi-run.%ld",
           strcmp(parent, "/") == 0 ? "" : parent, (long)getpid());
  if (mkdir(dir, 0700) != 0)
    return -errno;
  l->cgroup_dir = strdup(dir);
  if (l->cgroup_dir == NULL) {
    rmdir(dir);
    return -ENOMEM;
  }
  if (pids_max == UINT64_MAX)
    strcpy(text, "max");
  else
    snprintf(text, sizeof(text), "%llu", (unsigned long long)pids_max);
  if ((r = write_file(dir, "pids.max", text)) != 0)
    return r;
  if ((size_t)snprintf(parent, sizeof(parent), "%s/cgroup.procs", dir) >=
      sizeof(parent))
    return -ENAMETOOLONG;
  l->cgroup_procs_fd = open(parent, O_WRONLY | O_CLOEXEC);
  return l->cgroup_procs_fd < 0 ? -errno : 0;
}

/* Kill every process in the cgroup: cgroup.kill (v2, Linux 5.14), which
 * also kills what is being forked meanwhile; otherwise pids.max 0 first,
 * so that no member can fork any more, and then SIGKILL to every pid in
 * cgroup.procs until it is empty. */
void launcher_cgroup_kill(const char *dir) {
  char path[PATH_MAX];
  if (write_file(dir, "cgroup.kill", "1") == 0)
    return;
  (void)write_file(dir, "pids.max", "0");
  if ((size_t)snprintf(path, sizeof(path), "%s/cgroup.procs", dir) >=
      sizeof(path))
    return;
  for (int round = 0; round < 1000; ++round) {
    FILE *fp = fopen(path, "re");
    long pid;
    bool any = false;
    if (fp == NULL)
      return;
    while (fscanf(fp, "%ld", &pid) == 1)
      if (pid > 0) {
        kill((pid_t)pid, SIGKILL);
        any = true;
      }
    fclose(fp);
    if (!any)
      return;
    nanosleep(&(struct timespec){0, 1000000}, NULL);
  }
}

void launcher_cgroup_remove(struct launcher *l) {
  if (l->cgroup_procs_fd >= 0) {
    close(l->cgroup_procs_fd);
    l->cgroup_procs_fd = -1;
  }
  if (l->cgroup_dir == NULL)
    return;
  launcher_cgroup_kill(l->cgroup_dir);
  for (int i = 0; i < 200 && rmdir(l->cgroup_dir) != 0 && errno == EBUSY; ++i)
    nanosleep(&(struct timespec){0, 1000000}, NULL);
  free(l->cgroup_dir);
  l->cgroup_dir = NULL;
}
