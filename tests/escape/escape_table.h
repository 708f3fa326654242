/*
 * The escape suite's attack table: the one list of every attack, control and
 * documented leak. `escape_probe attack: list` prints it for the runner.
 *
 * X(name, expected under --profile=strict, expected under --profile=compat,
 *   paired positive control, needs, description)
 *
 * Expected results: OK, an errno name (EACCES: Landlock; EPERM: seccomp's
 * default action or a kernel permission check; EXDEV: Landlock's refer check
 * or RESOLVE_BENEATH; ENOSYS: seccomp's answer for clone3), a signal name
 * (SIGSYS: seccomp kills foreign-architecture syscalls), or an
 * attack-specific word (NONE, EXECUTED, NNP=1, ...).
 *
 * needs (comma-separated, read by run_escape.sh):
 *   tcp_listen, tcp_conn, udp_conn, tty   extra descriptors in the config
 *   victim       afterwards the unrelated victim process must not have
 *                received any signal
 *   server       afterwards the runner's servers must not have received
 *                a payload naming this attack
 *   opt=OPTION   an extra cloudabi-run option (resource limits)
 *   orphan       the probe prints "orphan: PID"; afterwards that process
 *                must not exist
 *   root         meaningful only when the suite runs as root (else SKIP)
 *   nocore       afterwards there must be no core file in outside/
 *   single       `single: !file {path: FIXTURE/outside/single.txt}` and
 *                `single_exe: !file {path: FIXTURE/outside/prog, rights:
 *                [read, exec]}` (file grants inside an ungranted directory)
 *   wonly        `wonly: !file {path: FIXTURE/wonly, rights: [write, create]}`
 *   app          `app: !file {path: FIXTURE/rw/app.log, rights: [append]}`
 *   out2         `out2: !fd stdout` (a second copy of the launcher's stdout)
 *   udp_bound    `udp_bound: !socket {type: dgram, bind: "127.0.0.1:0"}`
 *   rotimes      `rotimes: !file {path: FIXTURE/ro/times.txt}` (read-only;
 *                left out of the fixture fingerprint)
 *
 * The probe may answer SKIP:<reason> when this machine lacks the target
 * (for example no /dev/mem); the runner reports that as a TAP SKIP.
 */
#ifndef ESCAPE_TABLE_H
#define ESCAPE_TABLE_H

/* clang-format off */
#define ESCAPE_ATTACKS(X) \
/* ---- paths: absolute, relative to cwd, .., symlinks ---- */ \
X(abs_fdcwd, "EPERM", "EACCES", ctl_open_ro, "", "openat(AT_FDCWD, FIXTURE/outside/secret.txt): strict refuses AT_FDCWD, compat is confined by Landlock") \
X(abs_dirfd, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/abs/outside/secret.txt\"): an absolute path ignores the dirfd (passes strict's AT_FDCWD check), Landlock denies") \
X(etc_shadow, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/etc/shadow\")") \
X(etc_passwd_append, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"/etc/passwd\", O_WRONLY|O_APPEND)") \
X(legacy_open, "EPERM", "EACCES", ctl_open_ro, "", "legacy open(2) syscall on an outside file") \
X(legacy_creat, "EPERM", "EACCES", ctl_create_rw, "", "legacy creat(2) of FIXTURE/outside/new") \
X(cwd_relative, "EPERM", "EACCES", ctl_open_ro, "", "openat(AT_FDCWD, \"secret.txt\") through the inherited working directory (the runner starts the launcher in outside/)") \
X(dotdot_ro, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"../outside/secret.txt\")") \
X(dotdot_deep, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"sub/../../outside/secret.txt\")") \
X(dotdot_dir, "EACCES", "EACCES", ctl_open_subdir, "", "openat(ro, \"..\", O_DIRECTORY): list the parent of a grant") \
X(root_dir, "EACCES", "EACCES", ctl_open_subdir, "", "openat(ro, \"/\", O_DIRECTORY)") \
X(dotdot_rw_create, "EACCES", "EACCES", ctl_create_rw, "", "openat(rw, \"../outside/new.txt\", O_CREAT): create next to a writable grant") \
X(dotdot_rw_to_ro_write, "EACCES", "EACCES", ctl_write_rw, "", "openat(rw, \"../ro/file.txt\", O_WRONLY): reach a read-only grant from a writable one") \
X(symlink_rel_out, "EACCES", "EACCES", ctl_symlink_in, "", "open ro/esc -> ../outside/secret.txt (relative symlink out)") \
X(symlink_abs_out, "EACCES", "EACCES", ctl_symlink_in, "", "open ro/esc_abs -> /abs/outside/secret.txt (absolute symlink out)") \
X(symlink_made_out, "EACCES", "EACCES", ctl_symlink_create, "", "symlinkat(\"/abs/outside/secret.txt\", rw, l) then open l") \
X(symlink_dir_out, "EACCES", "EACCES", ctl_symlink_create, "", "symlinkat(\"../outside\", rw, d) then open d/secret.txt") \
X(symlink_to_ro_write, "EACCES", "EACCES", ctl_write_rw, "", "symlinkat(\"../ro/file.txt\", rw, l) then open l O_WRONLY") \
X(chdir_outside, "EPERM", "EACCES", ctl_open_ro, "", "chdir(outside) (legacy path call) then openat(AT_FDCWD, \"secret.txt\")") \
X(fchdir_dotdot, "EPERM", "EACCES", ctl_open_ro, "", "fchdir(ro) then openat(AT_FDCWD, \"../outside/secret.txt\")") \
X(tmp_create, "EACCES", "EACCES", ctl_create_rw, "", "openat(ro, \"/tmp/escape-probe\", O_CREAT): the world-writable /tmp") \
X(shm_create, "EACCES", "EACCES", ctl_create_rw, "", "openat(ro, \"/dev/shm/escape-probe\", O_CREAT): shm_open's directory") \
/* ---- /proc and /sys magic ---- */ \
X(proc_fd_reopen_rw, "EACCES", "EACCES", ctl_proc_fd_reopen_ro, "", "reopen the read-only file descriptor O_RDWR through /proc/self/fd/N") \
X(proc_fd_dir_dotdot, "EACCES", "EACCES", ctl_proc_fd_reopen_ro, "", "openat(ro, \"/proc/self/fd/<ro>/../outside/secret.txt\")") \
X(proc_self_root, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/self/root/etc/passwd\")") \
X(proc_self_cwd, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/self/cwd/secret.txt\") (cwd is outside/)") \
X(proc_1_root, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/1/root/etc/passwd\") (where PID 1 protects itself, as on Firecracker, this is EACCES even unconfined; see proc_victim_root)") \
X(proc_victim_root, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/<victim>/root/etc/passwd\") (readable by root outside the sandbox)") \
X(proc_victim_environ, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/<victim>/environ\")") \
X(proc_victim_mem, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/proc/<victim>/mem\", O_RDWR)") \
X(proc_sysrq, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"/proc/sysrq-trigger\", O_WRONLY)") \
X(proc_sys_write, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"/proc/sys/kernel/hostname\", O_WRONLY)") \
X(sysfs_write, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"/sys/kernel/profiling\", O_WRONLY)") \
/* ---- O_PATH ---- */ \
X(opath_openat_child, "EPERM", "EACCES", ctl_open_ro, "", "O_PATH descriptor of outside/ (strict: seccomp refuses O_PATH in openat; compat: allowed, Landlock does not check O_PATH opens), then openat(it, \"secret.txt\")") \
X(opath_fchdir, "EPERM", "EACCES", ctl_open_ro, "", "O_PATH descriptor of outside/, fchdir to it, openat(AT_FDCWD, \".\")") \
X(opath_linkat, "EPERM", "EXDEV", ctl_link_rw, "", "O_PATH descriptor of outside/secret.txt, linkat(it, \"\", rw, x, AT_EMPTY_PATH): pull an outside file into a grant") \
X(opath_execveat, "EPERM", "EACCES", ctl_exec_bin, "", "O_PATH descriptor of outside/prog, execveat(it, \"\", AT_EMPTY_PATH)") \
X(opath_proc_reopen, "EPERM", "EACCES", ctl_proc_fd_reopen_ro, "", "O_PATH descriptor of outside/secret.txt reopened O_RDONLY through /proc/self/fd/N") \
X(opath_ro_reopen_write, "EPERM", "EACCES", ctl_proc_fd_reopen_ro, "", "O_PATH descriptor of ro/file.txt reopened O_WRONLY through /proc/self/fd/N") \
/* ---- openat2 ---- */ \
X(openat2_beneath_dotdot, "EXDEV", "EXDEV", ctl_openat2_beneath, "", "openat2(ro, \"../outside/secret.txt\", RESOLVE_BENEATH)") \
X(openat2_beneath_abs, "EXDEV", "EXDEV", ctl_openat2_beneath, "", "openat2(ro, \"/etc/passwd\", RESOLVE_BENEATH)") \
X(openat2_plain_abs, "EACCES", "EACCES", ctl_openat2_beneath, "", "openat2(ro, \"/abs/outside/secret.txt\", resolve 0): Landlock still confines openat2") \
X(openat2_opath_reopen, "EACCES", "EACCES", ctl_openat2_beneath, "", "openat2(ro, outside/secret.txt, O_PATH) (seccomp cannot see open_how), then reopen O_RDONLY via /proc/self/fd/N") \
X(openat2_in_root, "ENOENT", "ENOENT", ctl_openat2_beneath, "", "openat2(ro, \"esc_abs\", RESOLVE_IN_ROOT): the absolute symlink is re-rooted at ro, where the target does not exist") \
X(openat2_rw_on_ro, "EACCES", "EACCES", ctl_openat2_beneath, "", "openat2(ro, \"file.txt\", O_RDWR, RESOLVE_BENEATH)") \
X(openat2_create_ro, "EACCES", "EACCES", ctl_openat2_beneath, "", "openat2(ro, \"new\", O_CREAT, RESOLVE_BENEATH)") \
/* ---- hard links and renames across grants ---- */ \
X(link_ro_to_rw, "EXDEV", "EXDEV", ctl_link_rw, "", "linkat(ro, \"file.txt\", rw, \"hl\"): a read-only file linked into a writable grant") \
X(link_outside_to_rw, "EXDEV", "EXDEV", ctl_link_rw, "", "linkat(ro, \"/abs/outside/secret.txt\", rw, \"hl\")") \
X(link_proc_fd, "EXDEV", "EXDEV", ctl_link_rw, "", "linkat(ro, \"/proc/self/fd/<rofile>\", rw, \"hl\", AT_SYMLINK_FOLLOW)") \
X(link_rw_to_outside, "EACCES", "EACCES", ctl_link_rw, "", "linkat(rw, \"w.txt\", ro, \"/abs/outside/hl\"): plant a link outside") \
X(rename_ro_to_rw, "EACCES", "EACCES", ctl_rename_rw, "", "renameat(ro, \"file.txt\", rw, \"stolen\")") \
X(rename_rw_to_ro, "EACCES", "EACCES", ctl_rename_rw, "", "renameat(rw, \"w.txt\", ro, \"w.txt\")") \
X(rename_rw_to_outside, "EACCES", "EACCES", ctl_rename_rw_rw2, "", "renameat(rw, \"w.txt\", ro, \"/abs/outside/w.txt\")") \
X(rename_outside_in, "EACCES", "EACCES", ctl_rename_rw_rw2, "", "renameat(ro, \"/abs/outside/secret.txt\", rw, \"s\")") \
X(rename_exchange_ro, "EACCES", "EACCES", ctl_rename_rw, "", "renameat2(rw, \"w.txt\", ro, \"file.txt\", RENAME_EXCHANGE)") \
X(rename_dir_out, "EACCES", "EACCES", ctl_rename_rw, "", "renameat(rw, \"sub1\", rw, \"../outside/sub1\"): move a granted directory out") \
X(linkat_empty_path_rofile, "ENOENT", "ENOENT", ctl_link_rw, "", "linkat(read-only file descriptor, \"\", rw, x, AT_EMPTY_PATH): give the read-only file a name in the writable grant; ENOENT: the kernel refuses AT_EMPTY_PATH without CAP_DAC_READ_SEARCH for a descriptor opened with other credentials (the launcher's), before Landlock's EXDEV") \
X(rename_whiteout, "EPERM", "EPERM", ctl_rename_rw, "", "renameat2(rw, a, rw, b, RENAME_WHITEOUT): leaves a 0:0 character device (whiteout) behind; Landlock does not check it (no MAKE_CHAR needed) and the kernel allows it unprivileged since 5.8, so only seccomp can refuse the flag") \
X(syncfs_ro, "EPERM", "EPERM", ctl_fsync_rwfile, "", "syncfs(ro): flushes the whole file system the grant lives on (global impact, like sync, which is refused); fsync/fdatasync of held files stay allowed") \
X(posix_wrlock_ro, "EBADF", "EBADF", ctl_lock_rwfile, "", "fcntl(read-only descriptor, F_SETLK, F_WRLCK) (kernel: a write lock needs a descriptor open for writing; flock and read locks are the residual_*lock* entries)") \
X(ofd_wrlock_ro, "EBADF", "EBADF", ctl_lock_rwfile, "", "fcntl(read-only descriptor, F_OFD_SETLK, F_WRLCK) (kernel: EBADF, as for F_SETLK)") \
X(lease_ro_fd, "EPERM", "EPERM", ctl_fcntl_setfl, "", "fcntl(read-only descriptor, F_SETLEASE, F_WRLCK): stall every other process that opens the file (lease-break time)") \
/* ---- file grants, write-only directories ---- */ \
X(single_sibling, "EACCES", "EACCES", ctl_single_read, "single", "with only outside/single.txt granted (a file rule), open its sibling outside/secret.txt: a file grant must not open its directory") \
X(single_reopen_rw, "EACCES", "EACCES", ctl_single_read, "single", "reopen the read-only file grant outside/single.txt O_RDWR by its path") \
X(single_exe_sibling, "EACCES", "EACCES", ctl_single_exe, "single", "with only outside/prog granted [read, exec] (a file rule), execveat its sibling outside/prog_sibling") \
X(single_exe_write, "EACCES", "EACCES", ctl_single_exe, "single", "open the exec-granted file outside/prog O_WRONLY by its path: exec does not mean write") \
X(wonly_getdents, "EBADF", "EBADF", ctl_wonly_create, "wonly", "getdents64 on a directory granted [write, create] without read (the launcher hands in O_PATH)") \
X(wonly_read_file, "EACCES", "EACCES", ctl_wonly_create, "wonly", "openat(wonly, \"existing.txt\", O_RDONLY): no read right beneath it") \
/* ---- truncation and writes through read-only grants ---- */ \
X(otrunc_ro, "EACCES", "EACCES", ctl_truncate_rw, "", "openat(ro, \"file.txt\", O_RDONLY|O_TRUNC)") \
X(otrunc_outside, "EACCES", "EACCES", ctl_truncate_rw, "", "openat(ro, \"/abs/outside/secret.txt\", O_WRONLY|O_TRUNC)") \
X(otrunc_proc_fd, "EACCES", "EACCES", ctl_truncate_rw, "", "openat(ro, \"/proc/self/fd/<rofile>\", O_RDONLY|O_TRUNC)") \
X(ftruncate_ro_fd, "EINVAL", "EINVAL", ctl_truncate_rw, "", "ftruncate on the read-only descriptor (kernel: EINVAL, the descriptor is not writable)") \
X(truncate_path_ro, "EPERM", "EACCES", ctl_truncate_rw, "", "truncate(\"/abs/ro/file.txt\") (legacy path call)") \
X(truncate_path_outside, "EPERM", "EACCES", ctl_truncate_rw, "", "truncate(\"/abs/outside/secret.txt\")") \
X(fallocate_ro_fd, "EBADF", "EBADF", ctl_truncate_rw, "", "fallocate(PUNCH_HOLE) on the read-only descriptor (kernel: EBADF)") \
X(write_ro_fd, "EBADF", "EBADF", ctl_write_rwfile, "", "write() on the read-only file descriptor") \
X(copy_file_range_ro, "EBADF", "EBADF", ctl_write_rwfile, "", "copy_file_range into the read-only file descriptor") \
X(mmap_shared_write_ro, "EACCES", "EACCES", ctl_mmap_shared_rw, "", "mmap(PROT_WRITE, MAP_SHARED) of the read-only descriptor") \
X(mprotect_shared_ro, "EACCES", "EACCES", ctl_mmap_shared_rw, "", "mmap(PROT_READ, MAP_SHARED) of the read-only descriptor, then mprotect(PROT_WRITE)") \
X(hardlink_ro_write, "EACCES", "EACCES", ctl_write_rw, "", "open ro/hardlink (another name of outside/hardlinked.txt) O_RDWR") \
X(openat_ro_wronly, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"file.txt\", O_WRONLY)") \
X(openat_ro_create, "EACCES", "EACCES", ctl_create_rw, "", "openat(ro, \"new\", O_CREAT)") \
X(otmpfile_ro, "EACCES", "EACCES", ctl_create_rw, "", "openat(ro, \".\", O_TMPFILE|O_RDWR)") \
X(mkdir_ro, "EACCES", "EACCES", ctl_mkdir_rw, "", "mkdirat(ro, \"d\")") \
X(unlink_ro, "EACCES", "EACCES", ctl_mkdir_rw, "", "unlinkat(ro, \"file.txt\")") \
X(rmdir_ro, "EACCES", "EACCES", ctl_mkdir_rw, "", "unlinkat(ro, \"sub\", AT_REMOVEDIR)") \
X(symlink_ro, "EACCES", "EACCES", ctl_symlink_create, "", "symlinkat(\"x\", ro, \"l\")") \
/* ---- attribute changes ---- */ \
X(chmod_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "chmod(\"/abs/outside/secret.txt\", 0777) (Landlock does not mediate attributes: seccomp must refuse path forms)") \
X(fchmodat_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "fchmodat(ro, \"/abs/outside/secret.txt\", 0777)") \
X(fchmodat2_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "fchmodat2(ro, \"../outside/secret.txt\", 0777, 0) (syscall 452)") \
X(fchmodat_in_ro, "EPERM", "EPERM", ctl_futimens_rw, "", "fchmodat(ro, \"file.txt\", 0777): chmod inside a read-only grant") \
X(fchmod_ro_fd, "EPERM", "EPERM", ctl_futimens_rw, "", "fchmod(read-only descriptor, 0777): CloudABI has no chmod; a [read] grant must not change the file's mode") \
X(chown_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "chown(\"/abs/outside/secret.txt\", 1, 1)") \
X(lchown_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "lchown(\"/abs/outside/link\", 1, 1)") \
X(fchownat_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "fchownat(ro, \"/abs/outside/secret.txt\", 1, 1)") \
X(fchown_give_away, "EPERM", "EPERM", ctl_futimens_rw, "", "fchown(rwfile, 65534, 65534): needs CAP_CHOWN, which must be dropped") \
X(utimensat_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "utimensat(ro, \"/abs/outside/secret.txt\", NULL)") \
X(utimensat_in_ro, "EPERM", "EPERM", ctl_futimens_rw, "", "utimensat(ro, \"file.txt\", NULL): times inside a read-only grant") \
X(utimes_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "utimes(\"/abs/outside/secret.txt\") (legacy)") \
X(utime_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "utime(\"/abs/outside/secret.txt\") (legacy)") \
X(futimesat_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "futimesat(ro, \"../outside/secret.txt\") (legacy)") \
X(setxattr_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "setxattr(\"/abs/outside/secret.txt\", \"user.escape\")") \
X(lsetxattr_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "lsetxattr(\"/abs/outside/link\", \"user.escape\")") \
X(removexattr_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "removexattr(\"/abs/outside/secret.txt\", \"user.keep\")") \
X(setxattrat_outside, "EPERM", "EPERM", ctl_futimens_rw, "", "setxattrat(ro, \"../outside/secret.txt\") (syscall 463)") \
X(fsetxattr_ro_fd, "EPERM", "EPERM", ctl_futimens_rw, "", "fsetxattr(read-only descriptor, \"user.escape\")") \
X(ioctl_setflags_ro, "EPERM", "EPERM", ctl_futimens_rw, "", "ioctl(read-only descriptor, FS_IOC_SETFLAGS, noatime)") \
X(highptr_utimensat, "EPERM", "EPERM", ctl_futimens_rw, "", "utimensat(ro, path at exactly 0x100000000, NULL): a pointer whose low 32 bits are 0 must not pass a 'path == NULL' rule") \
X(highptr_openat, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/abs/outside/secret.txt\" placed at exactly 0x100000000)") \
X(highptr_fchmodat, "EPERM", "EPERM", ctl_futimens_rw, "", "fchmodat(ro, \"file.txt\" placed at exactly 0x100000000, 0777)") \
/* ---- device nodes ---- */ \
X(mknodat_chr, "EPERM", "EPERM", ctl_create_rw, "", "mknodat(rw, \"mem\", S_IFCHR, 1:1)") \
X(mknodat_blk, "EPERM", "EPERM", ctl_create_rw, "", "mknodat(rw, \"disk\", S_IFBLK, 254:0)") \
X(mknodat_fifo, "EPERM", "EPERM", ctl_create_rw, "", "mknodat(rw, \"fifo\", S_IFIFO)") \
X(mknodat_sock, "EPERM", "EPERM", ctl_create_rw, "", "mknodat(rw, \"sock\", S_IFSOCK)") \
X(mknod_legacy, "EPERM", "EPERM", ctl_create_rw, "", "mknod(\"/abs/rw/mem2\", S_IFCHR, 1:1) (legacy)") \
X(dev_mem, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/dev/mem\")") \
X(dev_disk, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/dev/vda\") (the root disk)") \
X(dev_tty, "EACCES", "EACCES", ctl_open_ro, "", "openat(ro, \"/dev/tty\", O_RDWR)") \
X(dev_kmsg, "EACCES", "EACCES", ctl_write_rw, "", "openat(ro, \"/dev/kmsg\", O_WRONLY)") \
/* ---- exec ---- */ \
X(execve_outside, "EPERM", "EACCES", ctl_exec_bin, "", "execve(\"/abs/outside/prog\")") \
X(execve_bin_true, "EPERM", "EACCES", ctl_exec_bin, "", "execve(\"/bin/true\")") \
X(execveat_ro_noexec, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(ro, \"prog\"): a binary in a grant without exec") \
X(execveat_fd_ro, "EACCES", "EACCES", ctl_exec_bin, "", "openat(ro, \"prog\", O_RDONLY) then execveat(fd, \"\", AT_EMPTY_PATH)") \
X(execveat_abs_via_bin, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(bin, \"/abs/outside/prog\"): absolute path through the exec grant") \
X(execveat_dotdot_bin, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(bin, \"../outside/prog\")") \
X(execveat_empty_path_trick, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(bin, \"../outside/prog\", AT_EMPTY_PATH): a non-empty path is still resolved") \
X(execveat_proc_fd, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(ro, \"/proc/self/fd/<ro/prog>\")") \
X(memfd_flags0, "EPERM", "EPERM", ctl_memfd_noexec, "", "memfd_create(\"x\", 0): executable memfd where vm.memfd_noexec=0") \
X(memfd_mfd_exec, "EPERM", "EPERM", ctl_memfd_noexec, "", "memfd_create(\"x\", MFD_EXEC)") \
X(memfd_noexec_exec, "EACCES", "EACCES", ctl_memfd_noexec, "", "memfd_create(MFD_NOEXEC_SEAL), copy the probe into it, execveat(AT_EMPTY_PATH)") \
X(memfd_chmod_x, "EPERM", "EPERM", ctl_memfd_noexec, "", "memfd_create(MFD_NOEXEC_SEAL) then fchmod(0755)") \
X(script_ro, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(ro, \"script.sh\"): a #! script without exec") \
X(script_in_bin, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(bin, \"script.sh\"): an exec-granted #! script whose interpreter /bin/sh is not granted") \
X(ldso_trick, "EACCES", "EACCES", ctl_exec_bin, "", "execveat(ro, \"/lib64/ld-linux-x86-64.so.2\", [ld.so, ro/prog]): run readable code through the loader (glibc dynamic probe: EXECUTED, see escape_probe.c)") \
X(exec_written_binary, "EACCES", "EACCES", ctl_exec_bin, "", "copy the probe into rw/ (mode 0755) and execveat it: rw has no exec right") \
X(bin_write_plant, "EACCES", "EACCES", ctl_exec_bin, "", "openat(bin, \"new\", O_CREAT|O_WRONLY, 0755): plant a program in the exec grant") \
X(rename_into_bin, "EACCES", "EACCES", ctl_exec_bin, "", "renameat(rw, new file, bin, same name): move a written file into the exec grant") \
X(link_into_bin, "EACCES", "EACCES", ctl_exec_bin, "", "linkat(rw, \"w.txt\", bin, x): link a writable file into the exec grant") \
X(execveat_fdcwd, "EPERM", "EACCES", ctl_exec_bin, "", "execveat(AT_FDCWD, \"/bin/true\")") \
X(setuid_plant_create, "EPERM", "EPERM", ctl_create_rw, "", "openat(rw, x, O_CREAT, 04755) then fstat: a set-user-ID file owned by the sandbox's uid left for others to run (SETUID-PLANTED if the bit stuck)") \
X(setuid_plant_creat, "EPERM", "EPERM", ctl_create_rw, "", "legacy creat(\"/abs/rw/x\", 04755) (SETUID-PLANTED if the bit stuck)") \
X(setgid_dir_plant, "OK", "OK", ctl_mkdir_rw, "", "mkdirat(rw, d, 02777): a set-group-ID directory owned by the sandbox's group; OK = created WITHOUT the bit (the kernel strips S_ISGID from mkdir's mode), SETGID-PLANTED would be a hole") \
X(setuid_plant_fchmod, "EPERM", "EPERM", ctl_create_rw, "", "create rw/x 0755, then fchmod(fd, 04755) and fstat (SETUID-PLANTED if the bit stuck)") \
X(core_dump_outside, "SIGSEGV", "SIGSEGV", ctl_kill_child, "nocore", "raise RLIMIT_CORE to its hard limit and crash with SIGSEGV: the kernel must not write a core file into the working directory outside/ (core_pattern \"core\")") \
/* ---- sockets ---- */ \
X(socket_inet_stream, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET, SOCK_STREAM)") \
X(socket_inet_dgram, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET, SOCK_DGRAM)") \
X(socket_inet_raw, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET, SOCK_RAW, ICMP)") \
X(socket_inet6_stream, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET6, SOCK_STREAM)") \
X(socket_inet6_dgram, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET6, SOCK_DGRAM)") \
X(socket_inet6_raw, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET6, SOCK_RAW, ICMPV6)") \
X(socket_unix_stream, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_UNIX, SOCK_STREAM)") \
X(socket_unix_dgram, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_UNIX, SOCK_DGRAM)") \
X(socket_unix_seqpacket, "EPERM", "EPERM", ctl_socketpair_seqpacket, "", "socket(AF_UNIX, SOCK_SEQPACKET)") \
X(socket_netlink, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)") \
X(socket_packet, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_PACKET, SOCK_RAW)") \
X(socket_vsock, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_VSOCK, SOCK_STREAM)") \
X(socket_alg, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_ALG, SOCK_SEQPACKET)") \
X(socket_key, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_KEY, SOCK_RAW, PF_KEY_V2)") \
X(socket_xdp, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_XDP, SOCK_RAW)") \
X(socket_mptcp, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) (Landlock's TCP rights do not cover MPTCP)") \
X(socketpair_dgram, "EPERM", "EPERM", ctl_socketpair_stream, "", "socketpair(AF_UNIX, SOCK_DGRAM) (a DGRAM pair can sendto any path socket)") \
X(socketpair_inet, "EPERM", "EPERM", ctl_socketpair_stream, "", "socketpair(AF_INET, SOCK_STREAM)") \
X(unix_connect_path, "EPERM", "EPERM", ctl_socketpair_stream, "server", "socket(AF_UNIX)+connect(\"/abs/outside/usock\"): Landlock ABI 7 does not cover path sockets") \
X(unix_connect_abstract, "EPERM", "EPERM", ctl_socketpair_stream, "server", "socket(AF_UNIX)+connect(@abstract of the runner)") \
X(tfo_sendto, "EPERM", "EPERM", ctl_listen_sockname, "tcp_listen,server", "sendto(handed-in TCP socket, MSG_FASTOPEN, runner's server) (bypasses Landlock CONNECT_TCP)") \
X(listen_conn, "EPERM", "EPERM", ctl_tcp_send, "tcp_conn", "listen() on the handed-in connected TCP socket") \
X(connect_listen, "EPERM", "EPERM", ctl_listen_sockname, "tcp_listen,server", "connect(handed-in listening socket, runner's server)") \
X(bind_conn, "EPERM", "EPERM", ctl_tcp_send, "tcp_conn", "bind(handed-in connected socket, 127.0.0.1:0)") \
X(reconnect_udp, "EPERM", "EPERM", ctl_udp_send, "udp_conn,server", "connect(handed-in UDP socket, another address)") \
X(sendto_udp_addr, "EPERM", "EPERM", ctl_udp_send, "udp_conn,server", "sendto(handed-in UDP socket, addr = runner's second UDP port)") \
X(udp_bound_sendto, "EPERM", "EPERM", ctl_udp_bound, "udp_bound,server", "sendto(handed-in bound, unconnected UDP socket, addr = runner's UDP server): a bound dgram socket has no peer, and sendto with an address is refused") \
X(ioctl_siocsifflags, "EPERM", "EPERM", ctl_udp_send, "udp_conn", "ioctl(handed-in UDP socket, SIOCSIFFLAGS, lo with unchanged flags): network configuration through a socket") \
X(ioctl_siocgifconf, "EPERM", "EPERM", ctl_udp_send, "udp_conn", "ioctl(handed-in UDP socket, SIOCGIFCONF): list the host's interfaces and addresses") \
X(sockopt_ip_add_membership, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, IP_ADD_MEMBERSHIP, 224.0.0.251): join a multicast group (the setsockopt allowlist)") \
X(sockopt_ip_multicast_if, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, IP_MULTICAST_IF, 127.0.0.1)") \
X(sockopt_bindtodevice, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, SO_BINDTODEVICE, \"lo\") (unprivileged on a socket not yet bound to a device)") \
X(sockopt_attach_filter, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, SO_ATTACH_FILTER, accept-all classic BPF): the kernel's BPF interpreter/JIT") \
X(sockopt_broadcast, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, SO_BROADCAST, 1)") \
X(sockopt_priority, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, SO_PRIORITY, 6) (6 needs no capability)") \
X(sockopt_reuseport, "EPERM", "EPERM", ctl_sockopt_listen, "tcp_listen", "setsockopt(handed-in listening socket, SO_REUSEPORT, 1): let another socket share the port") \
X(sockopt_tcp_ulp, "EPERM", "EPERM", ctl_sockopt_tcp, "tcp_conn", "setsockopt(handed-in TCP socket, TCP_ULP, \"tls\"): kernel TLS, an upper-layer protocol module") \
X(sockopt_tcp_congestion, "EPERM", "EPERM", ctl_sockopt_tcp, "tcp_conn", "setsockopt(handed-in TCP socket, TCP_CONGESTION, \"reno\")") \
X(sockopt_highbits, "EPERM", "EPERM", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket, SOL_SOCKET, SO_KEEPALIVE<<32 | SO_BINDTODEVICE): an allowed option in the upper half, which the kernel ignores") \
X(scm_credentials_spoof, "EPERM", "EPERM", ctl_socketpair_stream, "", "sendmsg(socketpair, SCM_CREDENTIALS {pid = victim, uid 0, gid 0}): forging another process's credentials needs CAP_SYS_ADMIN") \
X(highptr_sendto, "EPERM", "EPERM", ctl_udp_send, "udp_conn,server", "sendto(handed-in UDP socket, addr at exactly 0x100000000)") \
/* ---- signals and other processes ---- */ \
X(kill_parent, "EPERM", "EPERM", ctl_kill_child, "victim", "kill(getppid(), SIGCONT)") \
X(kill_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "kill(victim, SIGCONT)") \
X(tgkill_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "tgkill(victim, victim, SIGCONT)") \
X(tkill_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "tkill(victim, SIGCONT)") \
X(sigqueue_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "rt_sigqueueinfo(victim, SIGCONT)") \
X(tgsigqueue_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "rt_tgsigqueueinfo(victim, victim, SIGCONT)") \
X(pidfd_signal_victim, "EPERM", "EPERM", ctl_kill_child, "victim", "pidfd_open(victim) then pidfd_send_signal(SIGCONT)") \
X(kill_broadcast, "OK", "OK", ctl_kill_child, "victim", "kill(-1, SIGCONT): returns 0 because the kernel ignores EPERM in a broadcast; the victim must not receive it") \
X(kill_pgrp, "OK", "OK", ctl_kill_child, "victim", "kill(0, SIGCONT) to the process group that the victim shares: 0 (the probe signals itself), the victim must not receive it") \
X(kill_pid_highbits, "EPERM", "EPERM", ctl_kill_child, "victim", "kill(victim | 0xffffffff00000000, SIGCONT)") \
X(fsetown_sigio, "EPERM", "EPERM", ctl_fcntl_setfl, "victim", "fcntl(pipe, F_SETOWN, victim) + O_ASYNC, then write: SIGIO to the victim") \
X(fsetown_ex, "EPERM", "EPERM", ctl_fcntl_setfl, "victim", "fcntl(pipe, F_SETOWN_EX, victim)") \
X(fsetown_highbits, "EPERM", "EPERM", ctl_fcntl_setfl, "victim", "fcntl(pipe, F_SETOWN | 1<<32, victim)") \
X(setpriority_victim, "EPERM", "EPERM", ctl_kill_child, "", "setpriority(PRIO_PROCESS, victim, 19)") \
X(sched_setaffinity_victim, "EPERM", "EPERM", ctl_kill_child, "", "sched_setaffinity(victim, cpu 0)") \
X(sched_setscheduler_victim, "EPERM", "EPERM", ctl_kill_child, "", "sched_setscheduler(victim, SCHED_IDLE)") \
X(ioprio_set_victim, "EPERM", "EPERM", ctl_kill_child, "", "ioprio_set(IOPRIO_WHO_PROCESS, victim, idle)") \
X(kcmp_victim, "EPERM", "EPERM", ctl_kill_child, "", "kcmp(self, victim, KCMP_FILE, 0, 0)") \
X(pidfd_getfd_victim, "EPERM", "EPERM", ctl_kill_child, "", "pidfd_getfd(pidfd of victim, 0): steal its descriptor") \
X(process_madvise_victim, "EPERM", "EPERM", ctl_kill_child, "", "process_madvise(pidfd of victim, MADV_PAGEOUT)") \
X(move_pages_victim, "EPERM", "EPERM", ctl_kill_child, "", "move_pages(victim, query)") \
X(ptrace_attach_parent, "EPERM", "EPERM", ctl_kill_child, "", "ptrace(PTRACE_ATTACH, getppid())") \
X(ptrace_seize_victim, "EPERM", "EPERM", ctl_kill_child, "", "ptrace(PTRACE_SEIZE, victim)") \
X(ptrace_traceme, "EPERM", "EPERM", ctl_kill_child, "", "ptrace(PTRACE_TRACEME)") \
X(process_vm_readv_victim, "EPERM", "EPERM", ctl_kill_child, "", "process_vm_readv(victim)") \
X(process_vm_writev_victim, "EPERM", "EPERM", ctl_kill_child, "", "process_vm_writev(victim)") \
X(kill_supervisor, "EPERM", "EPERM", ctl_kill_child, "opt=--timeout=30", "kill(getppid(), SIGCONT) where the parent is the supervising launcher (--timeout)") \
X(ptrace_supervisor, "EPERM", "EPERM", ctl_kill_child, "opt=--timeout=30", "ptrace(PTRACE_ATTACH, getppid()) where the parent is the supervising launcher") \
/* ---- limits, privileges, capabilities ---- */ \
X(setrlimit_above_hard, "EPERM", "EPERM", ctl_setrlimit_lower, "", "prlimit64(0, RLIMIT_NOFILE, hard + 1)") \
X(setrlimit_legacy, "EPERM", "EPERM", ctl_setrlimit_lower, "", "setrlimit(RLIMIT_NPROC, infinity) (legacy syscall)") \
X(prlimit_victim, "EPERM", "EPERM", ctl_setrlimit_lower, "", "prlimit64(victim, RLIMIT_NOFILE, NULL, &old)") \
X(caps_sets, "NONE", "NONE", ctl_getuid, "", "capget(): effective, permitted and inheritable sets must be empty") \
X(caps_bounding, "NONE", "NONE", ctl_getuid, "root", "prctl(PR_CAPBSET_READ) for every capability: a root launcher must empty the bounding set (an unprivileged one cannot: no CAP_SETPCAP; no_new_privs makes it inert)") \
X(caps_ambient, "NONE", "NONE", ctl_getuid, "", "prctl(PR_CAP_AMBIENT_IS_SET) for every capability: the ambient set must be empty") \
X(no_new_privs, "NNP=1", "NNP=1", ctl_getuid, "", "prctl(PR_GET_NO_NEW_PRIVS) must read 1") \
X(caps_after_user, "NONE", "NONE", ctl_getuid, "opt=--user=nobody", "--user=nobody: capget() after the user switch; every set must be empty") \
X(setuid_exec_nnp, "EUID=65534", "EUID=65534", ctl_exec_bin, "opt=--user=nobody", "--user=nobody: execveat(bin, \"suid_hello\"), a set-user-ID-root copy of the probe: no_new_privs keeps the effective uid") \
X(setuid_root, "EPERM", "EPERM", ctl_getuid, "", "setuid(0)") \
X(setgroups_root, "EPERM", "EPERM", ctl_getuid, "", "setgroups(1, {0})") \
X(capset_raise, "EPERM", "EPERM", ctl_getuid, "", "capset(): raise every capability") \
X(securebits_unlock, "EPERM", "EPERM", ctl_getuid, "", "prctl(PR_SET_SECUREBITS, 0)") \
/* ---- namespaces and clone ---- */ \
X(unshare_user, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWUSER)") \
X(unshare_mnt, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWNS)") \
X(unshare_pid, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWPID)") \
X(unshare_net, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWNET)") \
X(unshare_ipc, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWIPC)") \
X(unshare_uts, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWUTS)") \
X(unshare_cgroup, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWCGROUP)") \
X(unshare_time, "EPERM", "EPERM", ctl_fork, "", "unshare(CLONE_NEWTIME)") \
X(clone_newuser, "EPERM", "EPERM", ctl_fork, "", "clone(SIGCHLD|CLONE_NEWUSER)") \
X(clone_newpid, "EPERM", "EPERM", ctl_fork, "", "clone(SIGCHLD|CLONE_NEWPID)") \
X(clone_newnet, "EPERM", "EPERM", ctl_fork, "", "clone(SIGCHLD|CLONE_NEWNET)") \
X(clone_parent, "EPERM", "EPERM", ctl_fork, "", "clone(SIGCHLD|CLONE_PARENT): a sibling of the probe") \
X(clone3_plain, "ENOSYS", "ENOSYS", ctl_fork, "", "clone3({SIGCHLD}): ENOSYS so that libcs fall back to clone") \
X(clone3_newuser, "ENOSYS", "ENOSYS", ctl_fork, "", "clone3({CLONE_NEWUSER})") \
X(setns_fd, "EPERM", "EPERM", ctl_fork, "", "setns(ro, 0)") \
/* ---- mounts ---- */ \
X(mount_tmpfs, "EPERM", "EPERM", ctl_fstatfs_ro, "", "mount(\"none\", rw, \"tmpfs\")") \
X(umount_root, "EPERM", "EPERM", ctl_fstatfs_ro, "", "umount2(\"/\", MNT_DETACH)") \
X(pivot_root_rw, "EPERM", "EPERM", ctl_fstatfs_ro, "", "pivot_root(rw, rw/sub1)") \
X(chroot_rw, "EPERM", "EPERM", ctl_fstatfs_ro, "", "chroot(\"/abs/rw\")") \
X(fsopen_tmpfs, "EPERM", "EPERM", ctl_fstatfs_ro, "", "fsopen(\"tmpfs\")") \
X(fsconfig_any, "EPERM", "EPERM", ctl_fstatfs_ro, "", "fsconfig(ro, FSCONFIG_SET_FLAG, \"ro\")") \
X(fsmount_any, "EPERM", "EPERM", ctl_fstatfs_ro, "", "fsmount(ro, 0, 0)") \
X(fspick_ro, "EPERM", "EPERM", ctl_fstatfs_ro, "", "fspick(ro, \"\", FSPICK_EMPTY_PATH)") \
X(open_tree_ro, "EPERM", "EPERM", ctl_fstatfs_ro, "", "open_tree(ro, \"\", OPEN_TREE_CLONE|AT_EMPTY_PATH)") \
X(move_mount_ro, "EPERM", "EPERM", ctl_fstatfs_ro, "", "move_mount(ro, \"\", rw, \"\", F_EMPTY_PATH|T_EMPTY_PATH)") \
X(mount_setattr_ro, "EPERM", "EPERM", ctl_fstatfs_ro, "", "mount_setattr(ro, \"\", AT_EMPTY_PATH, clear RDONLY)") \
X(listmount_root, "EPERM", "EPERM", ctl_fstatfs_ro, "", "listmount(LSMT_ROOT) (syscall 458): the mount table") \
/* ---- IPC and kernel facilities ---- */ \
X(sysv_shmget, "EPERM", "EPERM", ctl_pipe, "", "shmget(IPC_PRIVATE)") \
X(sysv_semget, "EPERM", "EPERM", ctl_pipe, "", "semget(IPC_PRIVATE)") \
X(sysv_msgget, "EPERM", "EPERM", ctl_pipe, "", "msgget(IPC_PRIVATE)") \
X(posix_mq_open, "EPERM", "EPERM", ctl_pipe, "", "mq_open(\"/escape\", O_CREAT)") \
X(keyctl_session, "EPERM", "EPERM", ctl_mmap_anon, "", "keyctl(KEYCTL_GET_KEYRING_ID, session)") \
X(add_key_user, "EPERM", "EPERM", ctl_mmap_anon, "", "add_key(\"user\", \"escape\", session)") \
X(request_key_user, "EPERM", "EPERM", ctl_mmap_anon, "", "request_key(\"user\", \"escape\")") \
X(bpf_map_create, "EPERM", "EPERM", ctl_mmap_anon, "", "bpf(BPF_MAP_CREATE)") \
X(perf_event_open_sw, "EPERM", "EPERM", ctl_mmap_anon, "", "perf_event_open(software clock, self)") \
X(io_uring_setup_any, "EPERM", "EPERM", ctl_mmap_anon, "", "io_uring_setup(1)") \
X(userfaultfd_any, "EPERM", "EPERM", ctl_mmap_anon, "", "userfaultfd(O_CLOEXEC)") \
X(personality_rie, "EPERM", "EPERM", ctl_mmap_anon, "", "personality(READ_IMPLIES_EXEC)") \
X(modify_ldt_any, "EPERM", "EPERM", ctl_mmap_anon, "", "modify_ldt(read)") \
X(name_to_handle, "EPERM", "EPERM", ctl_open_ro, "", "name_to_handle_at(ro, \"file.txt\")") \
X(open_by_handle, "EPERM", "EPERM", ctl_open_ro, "", "open_by_handle_at(ro, forged handle of the root inode) (shocker)") \
X(inotify_init_any, "EPERM", "EPERM", ctl_open_ro, "", "inotify_init1(0)") \
X(fanotify_init_any, "EPERM", "EPERM", ctl_open_ro, "", "fanotify_init(FAN_CLASS_NOTIF)") \
/* ---- global system state ---- */ \
X(settimeofday_any, "EPERM", "EPERM", ctl_clock_gettime, "", "settimeofday(now)") \
X(clock_settime_any, "EPERM", "EPERM", ctl_clock_gettime, "", "clock_settime(CLOCK_REALTIME, now)") \
X(adjtimex_set, "EPERM", "EPERM", ctl_clock_gettime, "", "adjtimex(ADJ_STATUS, unchanged status)") \
X(clock_adjtime_set, "EPERM", "EPERM", ctl_clock_gettime, "", "clock_adjtime(CLOCK_REALTIME, ADJ_STATUS)") \
X(sethostname_any, "EPERM", "EPERM", ctl_uname, "", "sethostname(current name)") \
X(setdomainname_any, "EPERM", "EPERM", ctl_uname, "", "setdomainname(current name)") \
X(reboot_any, "EPERM", "EPERM", ctl_uname, "", "reboot(magic, invalid command)") \
X(kexec_load_any, "EPERM", "EPERM", ctl_uname, "", "kexec_load(0 segments)") \
X(kexec_file_load_any, "EPERM", "EPERM", ctl_uname, "", "kexec_file_load(ro/file.txt)") \
X(init_module_any, "EPERM", "EPERM", ctl_uname, "", "init_module(garbage)") \
X(finit_module_any, "EPERM", "EPERM", ctl_uname, "", "finit_module(ro/file.txt)") \
X(delete_module_any, "EPERM", "EPERM", ctl_uname, "", "delete_module(\"escape\")") \
X(swapon_any, "EPERM", "EPERM", ctl_uname, "", "swapon(\"/abs/rw/w.txt\")") \
X(swapoff_any, "EPERM", "EPERM", ctl_uname, "", "swapoff(\"/abs/rw/w.txt\")") \
X(acct_any, "EPERM", "EPERM", ctl_uname, "", "acct(\"/abs/rw/acct\")") \
X(iopl_3, "EPERM", "EPERM", ctl_uname, "", "iopl(3)") \
X(ioperm_any, "EPERM", "EPERM", ctl_uname, "", "ioperm(0x80, 1, 1)") \
X(syslog_read, "EPERM", "EPERM", ctl_uname, "", "syslog(SYSLOG_ACTION_READ_ALL)") \
X(quotactl_any, "EPERM", "EPERM", ctl_uname, "", "quotactl(Q_SYNC, NULL)") \
X(vhangup_any, "EPERM", "EPERM", ctl_uname, "", "vhangup()") \
/* ---- terminals ---- */ \
X(tiocsti, "EPERM", "EPERM", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCSTI, 'x'): type into the terminal") \
X(tiocsti_highbits, "EPERM", "EPERM", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCSTI | 1<<32)") \
X(tioclinux, "EPERM", "EPERM", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCLINUX)") \
X(tiocsetd, "EPERM", "EPERM", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCSETD)") \
X(tioccons, "EPERM", "EPERM", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCCONS): redirect the console") \
/* ---- 32-bit argument tricks, foreign ABIs ---- */ \
X(fdcwd_sext, "EPERM", "EACCES", ctl_open_ro, "", "openat(0xffffffffffffff9c (AT_FDCWD sign-extended), outside)") \
X(fdcwd_zext, "EPERM", "EACCES", ctl_open_ro, "", "openat(0x00000000ffffff9c (AT_FDCWD zero-extended), outside)") \
X(fdcwd_junk, "EPERM", "EACCES", ctl_open_ro, "", "openat(0x12345678ffffff9c (junk upper half), outside)") \
X(socket_family_highbits, "EPERM", "EPERM", ctl_socketpair_stream, "", "socket(AF_INET | 1<<32, SOCK_STREAM)") \
X(socketpair_type_highbits, "EPERM", "EPERM", ctl_socketpair_stream, "", "socketpair(AF_UNIX, SOCK_DGRAM | 1<<32)") \
X(memfd_exec_highbits, "EPERM", "EPERM", ctl_memfd_noexec, "", "memfd_create(\"x\", MFD_EXEC | 1<<32)") \
X(x32_getppid, "SIGSYS", "SIGSYS", ctl_getuid, "", "x32 syscall getppid (0x40000000|110)") \
X(x32_openat, "SIGSYS", "SIGSYS", ctl_getuid, "", "x32 syscall openat(AT_FDCWD, outside)") \
X(int80_getpid, "SIGSYS", "SIGSYS", ctl_getuid, "", "int $0x80 getpid (i386 ABI)") \
X(int80_socketcall, "SIGSYS", "SIGSYS", ctl_getuid, "", "int $0x80 socketcall(SYS_SOCKET, AF_INET) (i386 ABI)") \
/* ---- the start-up contract ---- */ \
X(argdata_write, "EPERM", "EPERM", ctl_argdata_read, "", "write() to the sealed argdata memfd (fd 3)") \
X(argdata_mmap_write, "EPERM", "EPERM", ctl_argdata_read, "", "mmap(PROT_WRITE, MAP_SHARED) of the sealed argdata memfd") \
X(argdata_ftruncate, "EPERM", "EPERM", ctl_argdata_read, "", "ftruncate() of the sealed argdata memfd") \
X(fd_leak, "NONE", "NONE", ctl_argdata_read, "", "scan descriptors 0..4095: only 0-3 and the granted ones may be open") \
X(stdio_devnull, "DEVNULL", "DEVNULL", ctl_argdata_read, "", "descriptors 0, 1 and 2 must be /dev/null (char 1:3): stray writes to stdout can never land in a granted file") \
X(argdata_seals, "SEALED", "SEALED", ctl_argdata_read, "", "fd 3 carries F_SEAL_SEAL|SHRINK|GROW|WRITE and no execute bit (MFD_NOEXEC_SEAL)") \
X(env_empty, "EMPTY", "EMPTY", ctl_argdata_read, "", "the environment must be empty") \
X(landlock_widen, "EACCES", "EACCES", ctl_landlock_narrow, "", "stack a Landlock layer granting WRITE_FILE on ro, then open ro/file.txt O_WRONLY: layers only narrow") \
X(seccomp_stack_allow, "EPERM", "EPERM", ctl_landlock_narrow, "", "install an allow-all seccomp filter on top, then socket(AF_INET): filters only narrow") \
/* ---- resource exhaustion within configured limits ---- */ \
X(fork_bomb, "EAGAIN", "EAGAIN", ctl_fork, "opt=--limit-nproc=16", "fork until refused under --limit-nproc=16 (at most 512): refused by the 17th process; the launcher survives") \
X(cgroup_escape, "EACCES", "EACCES", ctl_fork, "opt=--limit-nproc=16", "write the probe's pid to the root cgroup.procs (v2, or v1 pids): leave the launcher's pids cgroup (--limit-nproc)") \
X(mem_hog, "ENOMEM", "ENOMEM", ctl_mmap_anon, "opt=--limit-as=256M", "mmap 16 MiB chunks under --limit-as=256M (up to 4 GiB)") \
X(fsize_hog, "SIGXFSZ", "SIGXFSZ", ctl_write_rw, "opt=--limit-fsize=1M", "write 4 MiB to rw/fsize.bin under --limit-fsize=1M") \
X(fd_hog, "EMFILE", "EMFILE", ctl_pipe, "opt=--limit-nofile=32", "dup() until refused under --limit-nofile=32") \
X(timeout_orphan, "EXIT-124", "EXIT-124", ctl_fork, "opt=--timeout=1,orphan", "fork a grandchild that calls setsid() and keeps running; the main process sleeps: after --timeout=1 (status 124) no process of the program may survive") \
X(cpu_hog, "SIGKILL", "SIGKILL", ctl_getuid, "opt=--limit-cpu=1", "spin under --limit-cpu=1 (at most 10 s wall clock): the launcher sets soft = hard, so the kernel's hard-limit SIGKILL comes before SIGXCPU")

#define ESCAPE_CONTROLS(X) \
X(ctl_open_ro, "OK", "OK", ctl_open_ro, "", "openat(ro, \"file.txt\") and read it") \
X(ctl_hardlink_read, "OK", "OK", ctl_hardlink_read, "", "open ro/hardlink read-only: a hard link placed in a grant is readable through it") \
X(ctl_open_subdir, "OK", "OK", ctl_open_subdir, "", "openat(ro, \"sub\", O_DIRECTORY) and getdents") \
X(ctl_symlink_in, "OK", "OK", ctl_symlink_in, "", "open ro/inlink -> file.txt") \
X(ctl_create_rw, "OK", "OK", ctl_create_rw, "", "create, write and unlink a file in rw") \
X(ctl_write_rw, "OK", "OK", ctl_write_rw, "", "openat(rw, \"w.txt\", O_WRONLY|O_APPEND) and write") \
X(ctl_symlink_create, "OK", "OK", ctl_symlink_create, "", "symlinkat(\"w.txt\", rw, l), open l, unlink l") \
X(ctl_proc_fd_reopen_ro, "OK", "OK", ctl_proc_fd_reopen_ro, "", "reopen the read-only descriptor O_RDONLY through /proc/self/fd/N (Landlock checks the real path)") \
X(ctl_openat2_beneath, "OK", "OK", ctl_openat2_beneath, "", "openat2(ro, \"sub/s.txt\", RESOLVE_BENEATH)") \
X(ctl_link_rw, "OK", "OK", ctl_link_rw, "", "linkat within rw, then unlink") \
X(ctl_rename_rw, "OK", "OK", ctl_rename_rw, "", "rename a new file from rw/ to rw/sub2/ and back") \
X(ctl_rename_rw_rw2, "OK", "OK", ctl_rename_rw_rw2, "", "rename a new file from rw to rw2 (both granted rename)") \
X(ctl_truncate_rw, "OK", "OK", ctl_truncate_rw, "", "create rw/t.txt with O_TRUNC, ftruncate it") \
X(ctl_write_rwfile, "OK", "OK", ctl_write_rwfile, "", "pwrite on the read-write file descriptor") \
X(ctl_mmap_shared_rw, "OK", "OK", ctl_mmap_shared_rw, "", "mmap(PROT_WRITE, MAP_SHARED) of the read-write descriptor") \
X(ctl_mkdir_rw, "OK", "OK", ctl_mkdir_rw, "", "mkdirat and unlinkat(AT_REMOVEDIR) in rw") \
X(ctl_futimens_rw, "OK", "OK", ctl_futimens_rw, "", "utimensat(read-write descriptor, NULL, NULL): the fd form") \
X(ctl_exec_bin, "EXECUTED", "EXECUTED", ctl_exec_bin, "", "execveat(bin, \"hello\") where bin is granted [read, exec]") \
X(ctl_memfd_noexec, "OK", "OK", ctl_memfd_noexec, "", "memfd_create(MFD_NOEXEC_SEAL), write and read back") \
X(ctl_socketpair_stream, "OK", "OK", ctl_socketpair_stream, "", "socketpair(AF_UNIX, SOCK_STREAM), send and receive") \
X(ctl_socketpair_seqpacket, "OK", "OK", ctl_socketpair_seqpacket, "", "socketpair(AF_UNIX, SOCK_SEQPACKET)") \
X(ctl_listen_sockname, "OK", "OK", ctl_listen_sockname, "tcp_listen", "getsockname and a non-blocking accept4 on the handed-in listening socket") \
X(ctl_tcp_send, "OK", "OK", ctl_tcp_send, "tcp_conn", "write on the handed-in connected TCP socket") \
X(ctl_udp_send, "OK", "OK", ctl_udp_send, "udp_conn", "send (no address) on the handed-in connected UDP socket") \
X(ctl_kill_child, "OK", "OK", ctl_kill_child, "", "fork a child and kill it with SIGKILL") \
X(ctl_fcntl_setfl, "OK", "OK", ctl_fcntl_setfl, "", "fcntl(pipe, F_SETFL, O_NONBLOCK)") \
X(ctl_setrlimit_lower, "OK", "OK", ctl_setrlimit_lower, "", "prlimit64(0, RLIMIT_CORE): lower the soft limit") \
X(ctl_getuid, "OK", "OK", ctl_getuid, "", "getuid() and getpid()") \
X(ctl_fork, "OK", "OK", ctl_fork, "", "fork, raise in the child (tgkill self), wait; then a thread") \
X(ctl_fstatfs_ro, "OK", "OK", ctl_fstatfs_ro, "", "fstatfs(ro)") \
X(ctl_pipe, "OK", "OK", ctl_pipe, "", "pipe2, write and read") \
X(ctl_mmap_anon, "OK", "OK", ctl_mmap_anon, "", "mmap anonymous memory and touch it") \
X(ctl_clock_gettime, "OK", "OK", ctl_clock_gettime, "", "clock_gettime(CLOCK_REALTIME)") \
X(ctl_uname, "OK", "OK", ctl_uname, "", "uname()") \
X(ctl_tty_winsz, "OK", "OK", ctl_tty_winsz, "tty", "ioctl(handed-in tty, TIOCGWINSZ)") \
X(ctl_argdata_read, "OK", "OK", ctl_argdata_read, "", "pread the argdata memfd") \
X(ctl_single_read, "OK", "OK", ctl_single_read, "single", "read the file grant outside/single.txt, and reopen it O_RDONLY by its path") \
X(ctl_single_exe, "EXECUTED", "EXECUTED", ctl_single_exe, "single", "execveat(file grant outside/prog, \"\", AT_EMPTY_PATH)") \
X(ctl_wonly_create, "OK", "OK", ctl_wonly_create, "wonly", "create and write wonly/new (write and create are granted)") \
X(ctl_landlock_narrow, "OK", "OK", ctl_landlock_narrow, "", "stack a Landlock layer that keeps read access to ro; ro/file.txt stays readable") \
X(ctl_udp_bound, "OK", "OK", ctl_udp_bound, "udp_bound", "getsockname and a non-blocking recv (EAGAIN) on the handed-in bound, unconnected UDP socket") \
X(ctl_fsync_rwfile, "OK", "OK", ctl_fsync_rwfile, "", "fsync, fdatasync and sync_file_range on the read-write descriptor") \
X(ctl_lock_rwfile, "OK", "OK", ctl_lock_rwfile, "", "flock(LOCK_EX), F_SETLK and F_OFD_SETLK write locks on the read-write descriptor, and unlock (SQLite and many programs lock files they write)") \
X(ctl_sockopt_tcp, "OK", "OK", ctl_sockopt_tcp, "tcp_conn", "setsockopt(handed-in TCP socket): TCP_NODELAY, SO_KEEPALIVE, TCP_KEEPIDLE/INTVL/CNT, TCP_QUICKACK, TCP_USER_TIMEOUT, TCP_NOTSENT_LOWAT, SO_SNDBUF/RCVBUF, SO_REUSEADDR, TCP_NODELAY with junk in the level's upper half, SO_RCVTIMEO/SNDTIMEO, SO_LINGER, TCP_CORK on and off; then write") \
X(ctl_sockopt_udp, "OK", "OK", ctl_sockopt_udp, "udp_conn", "setsockopt(handed-in UDP socket): SO_RCVBUF, SO_SNDBUF, SO_RCVTIMEO; then send") \
X(ctl_sockopt_listen, "OK", "OK", ctl_sockopt_listen, "tcp_listen", "setsockopt(handed-in listening socket): TCP_DEFER_ACCEPT, SO_REUSEADDR, SO_KEEPALIVE")

/* Documented residual leaks and holes (SECURITY.md): the expected result is
 * the documented behaviour, so that a fix flips them visibly. Not counted
 * as blocked attacks. */
#define ESCAPE_LEAKS(X) \
X(residual_append_clear, "OK", "OK", ctl_write_rw, "app", "known residual (SECURITY.md: append is not a boundary): fcntl(F_SETFL, 0) clears O_APPEND on the [append] grant and pwrite at offset 0 overwrites") \
X(residual_setuid_openat2, "EMPTY-SETUID-ONLY", "EMPTY-SETUID-ONLY", ctl_create_rw, "", "known residual (SECURITY.md): openat2(rw, x, {O_CREAT, 04755}) creates an empty set-user-ID file (the mode is out of seccomp's sight); then try to give it content while keeping the bit: write(), and fallocate + shared mmap. EMPTY-SETUID-ONLY: every way of adding content cleared the bit; SETUID-WITH-CONTENT is a hole; OK: no set-ID file at all (closed)") \
X(residual_futimens_ro_fd, "OK", "OK", ctl_futimens_rw, "rotimes", "known residual (SECURITY.md): utimensat(read-only descriptor of an owned file, NULL, {0,0}) changes its times (a [read] grant lacks FILE_STAT_FPUT_TIMES)") \
X(residual_sendmsg_msgname_udp, "OK", "OK", ctl_udp_send, "udp_conn", "known residual (SECURITY.md): sendmsg(handed-in UDP socket, msg_name = another UDP port) delivers there (seccomp cannot read msg_name)") \
X(residual_udp_bound_sendmsg, "OK", "OK", ctl_udp_bound, "udp_bound", "known residual (SECURITY.md: UDP without connect): sendmsg(handed-in bound, unconnected UDP socket, msg_name = runner's UDP server) delivers: the only way such a program can answer a peer, and the sendmsg residual") \
X(residual_sendmmsg_msgname_udp, "OK", "OK", ctl_udp_send, "udp_conn", "known residual (SECURITY.md): sendmmsg(handed-in UDP socket, msg_name = another UDP port) delivers there") \
X(residual_flock_ro, "OK", "OK", ctl_lock_rwfile, "", "known residual (SECURITY.md: advisory locks on granted files): flock(read-only descriptor, LOCK_EX|LOCK_NB) succeeds and can stall other programs that lock the file") \
X(residual_ofd_rdlock_ro, "OK", "OK", ctl_lock_rwfile, "", "known residual (SECURITY.md: advisory locks on granted files): fcntl(read-only descriptor, F_OFD_SETLK, F_RDLCK) succeeds and blocks writers that take a write lock") \
X(residual_setfl_shared_out, "SHARED", "SHARED", ctl_fcntl_setfl, "out2", "known residual (SECURITY.md: shared open file description): fcntl(out, F_SETFL, O_NONBLOCK) on `out: !fd stdout` shows on `out2: !fd stdout`: both are the launcher's own open file description (and its parent's); PRIVATE would mean the launcher reopened it") \
X(leak_stat_outside, "OK", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md): fstatat(ro, \"/abs/outside/secret.txt\") works") \
X(leak_stat_dotdot, "OK", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md): fstatat(ro, \"../outside/secret.txt\") works") \
X(leak_statx_shadow, "OK", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md): statx(ro, \"/etc/shadow\") gives size and times") \
X(leak_faccessat, "OK", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md): faccessat(ro, \"../outside/secret.txt\", R_OK) answers with DAC only") \
X(leak_readlink_outside, "OK", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md): readlinkat(ro, \"/abs/outside/link\")") \
X(leak_existence, "ENOENT", "ENOENT", ctl_open_ro, "", "known residual leak (SECURITY.md): fstatat on a missing outside path says ENOENT (an existence oracle)") \
X(leak_statfs_outside, "EPERM", "OK", ctl_fstatfs_ro, "", "known residual leak (SECURITY.md), compat only: statfs(\"/abs/outside\") by path (strict refuses the legacy path call)") \
X(leak_pid_existence, "ORACLE", "ORACLE", ctl_kill_child, "victim", "known residual leak (SECURITY.md: process existence): kill(victim, 0) answers EPERM (alive, outside the signal scope) and kill(free pid, 0) ESRCH; NONE would mean closed (PID namespace)") \
X(leak_opath_outside, "EPERM", "OK", ctl_open_ro, "", "known residual leak (SECURITY.md), compat only: openat(ro, outside, O_PATH) gives a descriptor usable for fstat (strict refuses O_PATH in openat)")
/* clang-format on */

#endif
