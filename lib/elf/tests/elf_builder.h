/*
 * Build small ELF64 files in memory for lib/elf's tests (and the fuzz
 * seeds): one PT_LOAD covering the whole file, an optional PT_INTERP and a
 * PT_DYNAMIC with DT_NEEDED/DT_RPATH/DT_RUNPATH/DT_SONAME entries.
 */
#ifndef ELF_BUILDER_H
#define ELF_BUILDER_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define ELF_BUILDER_VADDR 0x400000u

struct elf_spec {
  uint16_t type;          /* 2 = ET_EXEC, 3 = ET_DYN */
  uint16_t machine;       /* 62 = x86_64; 0 means 62 */
  unsigned char elfclass; /* 2 = ELF64; 0 means 2 */
  const char *interp;     /* PT_INTERP, or NULL */
  const char *needed[8];  /* DT_NEEDED names, NULL-terminated */
  const char *rpath, *runpath, *soname;
  bool no_dynamic;        /* no PT_DYNAMIC at all */
  uint64_t interp_offset; /* if non-zero, overrides PT_INTERP's p_offset */
  uint64_t strtab_vaddr;  /* if non-zero, overrides DT_STRTAB */
};

static inline void elf_put16(unsigned char *p, uint16_t v) {
  p[0] = (unsigned char)v;
  p[1] = (unsigned char)(v >> 8);
}

static inline void elf_put32(unsigned char *p, uint32_t v) {
  elf_put16(p, (uint16_t)v);
  elf_put16(p + 2, (uint16_t)(v >> 16));
}

static inline void elf_put64(unsigned char *p, uint64_t v) {
  elf_put32(p, (uint32_t)v);
  elf_put32(p + 4, (uint32_t)(v >> 32));
}

static inline void elf_put_phdr(unsigned char *p, uint32_t type, uint64_t off,
                                uint64_t size) {
  elf_put32(p, type);
  elf_put32(p + 4, 4); /* PF_R */
  elf_put64(p + 8, off);
  elf_put64(p + 16, ELF_BUILDER_VADDR + off);
  elf_put64(p + 24, ELF_BUILDER_VADDR + off);
  elf_put64(p + 32, size);
  elf_put64(p + 40, size);
  elf_put64(p + 48, 8);
}

static inline size_t elf_put_dyn(unsigned char *p, uint64_t tag, uint64_t v) {
  elf_put64(p, tag);
  elf_put64(p + 8, v);
  return 16;
}

/* Append s (with its NUL) to the string table; return its index. */
static inline uint64_t elf_put_str(unsigned char *strtab, size_t *len,
                                   const char *s) {
  uint64_t at = *len;
  memcpy(strtab + *len, s, strlen(s) + 1);
  *len += strlen(s) + 1;
  return at;
}

/* Build the file into buf (at least 4096 bytes); returns its size. */
static inline size_t elf_build(const struct elf_spec *s, unsigned char *buf) {
  unsigned char strtab[1024];
  size_t strlen_ = 1, nph = 1 + (s->interp != NULL) + !s->no_dynamic;
  unsigned char dyn[16 * 16];
  size_t dynlen = 0;
  strtab[0] = '\0';
  for (size_t i = 0; i < 8 && s->needed[i] != NULL; ++i)
    dynlen += elf_put_dyn(dyn + dynlen, 1, elf_put_str(strtab, &strlen_,
                                                       s->needed[i]));
  if (s->rpath)
    dynlen += elf_put_dyn(dyn + dynlen, 15,
                          elf_put_str(strtab, &strlen_, s->rpath));
  if (s->runpath)
    dynlen += elf_put_dyn(dyn + dynlen, 29,
                          elf_put_str(strtab, &strlen_, s->runpath));
  if (s->soname)
    dynlen += elf_put_dyn(dyn + dynlen, 14,
                          elf_put_str(strtab, &strlen_, s->soname));
  size_t off = 64 + nph * 56;
  size_t interp_off = off;
  if (s->interp)
    off += strlen(s->interp) + 1;
  size_t strtab_off = off;
  off += strlen_;
  off = (off + 7) & ~(size_t)7;
  size_t dyn_off = off;
  dynlen += elf_put_dyn(dyn + dynlen, 5,
                        s->strtab_vaddr ? s->strtab_vaddr
                                        : ELF_BUILDER_VADDR + strtab_off);
  dynlen += elf_put_dyn(dyn + dynlen, 10, strlen_);
  dynlen += elf_put_dyn(dyn + dynlen, 0, 0);
  size_t total = dyn_off + (s->no_dynamic ? 0 : dynlen);

  memset(buf, 0, total);
  memcpy(buf, "\177ELF", 4);
  buf[4] = s->elfclass ? s->elfclass : 2;
  buf[5] = 1; /* little endian */
  buf[6] = 1;
  elf_put16(buf + 16, s->type);
  elf_put16(buf + 18, s->machine ? s->machine : 62);
  elf_put32(buf + 20, 1);
  elf_put64(buf + 32, 64); /* e_phoff */
  elf_put16(buf + 52, 64);
  elf_put16(buf + 54, 56);
  elf_put16(buf + 56, (uint16_t)nph);
  unsigned char *ph = buf + 64;
  elf_put_phdr(ph, 1, 0, total);
  ph += 56;
  if (s->interp) {
    elf_put_phdr(ph, 3, s->interp_offset ? s->interp_offset : interp_off,
                 strlen(s->interp) + 1);
    memcpy(buf + interp_off, s->interp, strlen(s->interp) + 1);
    ph += 56;
  }
  memcpy(buf + strtab_off, strtab, strlen_);
  if (!s->no_dynamic) {
    elf_put_phdr(ph, 2, dyn_off, dynlen);
    memcpy(buf + dyn_off, dyn, dynlen);
  }
  return total;
}

#endif
