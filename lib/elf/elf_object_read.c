/*
 * Parse the parts of an ELF64 x86_64 file that the closure needs, with pread
 * only, bounds-checking every offset and size against the file. Fields are
 * decoded byte by byte (little endian), so no struct alignment or host
 * byte-order assumptions are made, and the system <elf.h> (shadowed by ours)
 * is not needed.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_impl.h"

enum {
  EHDR_SIZE = 64,
  PHDR_SIZE = 56,
  DYN_SIZE = 16,
  ET_EXEC_ = 2,
  ET_DYN_ = 3,
  EM_X86_64_ = 62,
  PT_LOAD_ = 1,
  PT_DYNAMIC_ = 2,
  PT_INTERP_ = 3,
  DT_NULL_ = 0,
  DT_NEEDED_ = 1,
  DT_STRTAB_ = 5,
  DT_STRSZ_ = 10,
  DT_SONAME_ = 14,
  DT_RPATH_ = 15,
  DT_RUNPATH_ = 29,
  DT_FLAGS_1_ = 0x6ffffffb,
  DF_1_NODEFLIB_ = 0x800,
};

struct phdr {
  uint32_t type;
  uint64_t offset, vaddr, filesz;
};

/* Where one file lives, for bounded reads. */
struct src {
  int fd;
  uint64_t size;
};

static uint16_t le16(const unsigned char *p) {
  return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
         (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p) {
  return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Read exactly len bytes at off, which must lie inside the file. */
static int read_at(const struct src *s, void *buf, size_t len, uint64_t off) {
  uint64_t end;
  if (__builtin_add_overflow(off, (uint64_t)len, &end) || end > s->size)
    return -ENOEXEC;
  size_t done = 0;
  while (done < len) {
    ssize_t r = pread(s->fd, (char *)buf + done, len - done,
                      (off_t)(off + done));
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return -EIO;
    }
    if (r == 0)
      return -ENOEXEC; /* the file shrank under us */
    done += (size_t)r;
  }
  return 0;
}

/*
 * Read a NUL-terminated string starting at off that must end before limit
 * (an absolute file offset). Returns a malloc'd copy in *out.
 */
static int read_cstr(const struct src *s, uint64_t off, uint64_t limit,
                     char **out) {
  char buf[ELF_MAX_STRING];
  if (off >= limit || limit > s->size)
    return -ENOEXEC;
  size_t len = limit - off < sizeof(buf) ? (size_t)(limit - off) : sizeof(buf);
  int e = read_at(s, buf, len, off);
  if (e != 0)
    return e;
  char *nul = memchr(buf, '\0', len);
  if (nul == NULL)
    return -ENOEXEC; /* unterminated, or longer than ELF_MAX_STRING */
  *out = strdup(buf);
  return *out ? 0 : -ENOMEM;
}

static int check_ehdr(const unsigned char *h, uint16_t *type) {
  static const unsigned char ident[7] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
  if (memcmp(h, ident, sizeof(ident)) != 0)
    return -ENOEXEC; /* magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT */
  *type = le16(h + 16);
  if (*type != ET_EXEC_ && *type != ET_DYN_)
    return -ENOEXEC;
  if (le16(h + 18) != EM_X86_64_ || le32(h + 20) != 1)
    return -ENOEXEC;
  return 0;
}

/* Read the program headers into a malloc'd array. */
static int read_phdrs(const struct src *s, const unsigned char *h,
                      struct phdr **out, size_t *n_out) {
  uint64_t phoff = le64(h + 32);
  uint16_t phentsize = le16(h + 54), phnum = le16(h + 56);
  if (phnum == 0 || phnum > ELF_MAX_PHNUM || phentsize != PHDR_SIZE)
    return -ENOEXEC;
  size_t bytes = (size_t)phnum * PHDR_SIZE;
  unsigned char *raw = malloc(bytes);
  struct phdr *ph = calloc(phnum, sizeof(*ph));
  int e = raw && ph ? read_at(s, raw, bytes, phoff) : -ENOMEM;
  if (e == 0) {
    for (size_t i = 0; i < phnum; ++i) {
      const unsigned char *p = raw + i * PHDR_SIZE;
      ph[i].type = le32(p);
      ph[i].offset = le64(p + 8);
      ph[i].vaddr = le64(p + 16);
      ph[i].filesz = le64(p + 32);
    }
    *out = ph;
    *n_out = phnum;
  } else {
    free(ph);
  }
  free(raw);
  return e;
}

/* The file range [*begin, *end) of a segment, checked against the file. */
static int segment_range(const struct src *s, const struct phdr *p,
                         uint64_t *begin, uint64_t *end) {
  if (__builtin_add_overflow(p->offset, p->filesz, end) || *end > s->size)
    return -ENOEXEC;
  *begin = p->offset;
  return 0;
}

/*
 * Map the virtual address range [vaddr, vaddr + size) to file offsets
 * through the PT_LOAD segment containing vaddr. *off receives the start and
 * *limit the end of the file bytes that the range may use.
 */
static int vaddr_to_offset(const struct src *s, const struct phdr *ph,
                           size_t n, uint64_t vaddr, uint64_t size,
                           uint64_t *off, uint64_t *limit) {
  for (size_t i = 0; i < n; ++i) {
    uint64_t begin, end;
    if (ph[i].type != PT_LOAD_ || vaddr < ph[i].vaddr ||
        vaddr - ph[i].vaddr >= ph[i].filesz)
      continue;
    if (segment_range(s, &ph[i], &begin, &end) != 0)
      return -ENOEXEC;
    *off = begin + (vaddr - ph[i].vaddr);
    *limit = end;
    if (size < end - *off)
      *limit = *off + size;
    return 0;
  }
  return -ENOEXEC;
}

static int read_interp(const struct src *s, const struct phdr *p,
                       struct elf_object *obj) {
  uint64_t begin, end;
  int e = segment_range(s, p, &begin, &end);
  if (e == 0)
    e = read_cstr(s, begin, end, &obj->interp);
  if (e == 0 && obj->interp[0] != '/')
    e = -ENOEXEC; /* relative interpreters are not supported */
  return e;
}

/* The dynamic entries we need, gathered before the strings are read. */
struct dyninfo {
  uint64_t needed[ELF_MAX_NEEDED];
  size_t n_needed;
  uint64_t strtab, strsz, rpath, runpath, soname;
  bool has_strtab, has_strsz, has_rpath, has_runpath, has_soname;
};

static int scan_dynamic(const struct src *s, const struct phdr *p,
                        struct dyninfo *d, bool *nodeflib) {
  uint64_t begin, end;
  int e = segment_range(s, p, &begin, &end);
  if (e != 0)
    return e;
  uint64_t count = (end - begin) / DYN_SIZE;
  if (count > ELF_MAX_DYN)
    count = ELF_MAX_DYN;
  unsigned char chunk[64 * DYN_SIZE];
  for (uint64_t i = 0; i < count;) {
    size_t batch = count - i < 64 ? (size_t)(count - i) : 64;
    e = read_at(s, chunk, batch * DYN_SIZE, begin + i * DYN_SIZE);
    if (e != 0)
      return e;
    for (size_t j = 0; j < batch; ++j, ++i) {
      uint64_t tag = le64(chunk + j * DYN_SIZE);
      uint64_t val = le64(chunk + j * DYN_SIZE + 8);
      switch (tag) {
      case DT_NULL_:
        return 0;
      case DT_NEEDED_:
        if (d->n_needed == ELF_MAX_NEEDED)
          return -ENOEXEC;
        d->needed[d->n_needed++] = val;
        break;
      case DT_STRTAB_:
        d->strtab = val, d->has_strtab = true;
        break;
      case DT_STRSZ_:
        d->strsz = val, d->has_strsz = true;
        break;
      case DT_RPATH_:
        d->rpath = val, d->has_rpath = true;
        break;
      case DT_RUNPATH_:
        d->runpath = val, d->has_runpath = true;
        break;
      case DT_SONAME_:
        d->soname = val, d->has_soname = true;
        break;
      case DT_FLAGS_1_:
        *nodeflib = (val & DF_1_NODEFLIB_) != 0;
        break;
      default:
        break;
      }
    }
  }
  return 0; /* no DT_NULL inside the segment: use what was seen */
}

/* Read the string at index idx of the string table [off, limit). */
static int strtab_get(const struct src *s, uint64_t off, uint64_t limit,
                      uint64_t idx, char **out) {
  uint64_t at;
  if (__builtin_add_overflow(off, idx, &at) || at >= limit)
    return -ENOEXEC;
  return read_cstr(s, at, limit, out);
}

static int read_dynamic(const struct src *s, const struct phdr *ph, size_t n,
                        const struct phdr *dyn, struct elf_object *obj) {
  struct dyninfo *d = calloc(1, sizeof(*d));
  if (d == NULL)
    return -ENOMEM;
  int e = scan_dynamic(s, dyn, d, &obj->nodeflib);
  bool any = d->n_needed || d->has_rpath || d->has_runpath || d->has_soname;
  uint64_t off = 0, limit = 0;
  if (e == 0 && any) {
    if (!d->has_strtab || !d->has_strsz)
      e = -ENOEXEC;
    else
      e = vaddr_to_offset(s, ph, n, d->strtab, d->strsz, &off, &limit);
  }
  for (size_t i = 0; e == 0 && i < d->n_needed; ++i) {
    char *name = NULL;
    e = strtab_get(s, off, limit, d->needed[i], &name);
    if (e == 0)
      e = elf_strlist_take(&obj->needed, name);
  }
  if (e == 0 && d->has_rpath)
    e = strtab_get(s, off, limit, d->rpath, &obj->rpath);
  if (e == 0 && d->has_runpath)
    e = strtab_get(s, off, limit, d->runpath, &obj->runpath);
  if (e == 0 && d->has_soname)
    e = strtab_get(s, off, limit, d->soname, &obj->soname);
  free(d);
  return e;
}

int elf_object_read(int fd, struct elf_object *obj) {
  struct stat st;
  unsigned char h[EHDR_SIZE];
  struct phdr *ph = NULL;
  size_t n = 0;
  memset(obj, 0, sizeof(*obj));
  if (fstat(fd, &st) != 0)
    return -EIO;
  if (!S_ISREG(st.st_mode))
    return -ENOEXEC;
  struct src s = {fd, (uint64_t)st.st_size};
  int e = read_at(&s, h, sizeof(h), 0);
  if (e == 0)
    e = check_ehdr(h, &obj->type);
  if (e == 0)
    e = read_phdrs(&s, h, &ph, &n);
  const struct phdr *dyn = NULL;
  for (size_t i = 0; e == 0 && i < n; ++i) {
    if (ph[i].type == PT_INTERP_ && obj->interp == NULL)
      e = read_interp(&s, &ph[i], obj);
    else if (ph[i].type == PT_DYNAMIC_ && dyn == NULL)
      dyn = &ph[i];
  }
  if (e == 0 && dyn != NULL) {
    obj->has_dynamic = true;
    e = read_dynamic(&s, ph, n, dyn, obj);
  }
  free(ph);
  if (e != 0)
    elf_object_free(obj);
  return e;
}
