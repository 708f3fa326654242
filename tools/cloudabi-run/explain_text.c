/* --explain for a person. */
#include <stdio.h>

#include "explain.h"

static void limit(FILE *fp, bool *first, const char *name,
                  const struct config_limit *lim) {
  if (!lim->set)
    return;
  fprintf(fp, "%s%s=%llu", *first ? "" : " ", name,
          (unsigned long long)lim->value);
  *first = false;
}

void launcher_explain_text(const struct launcher *l,
                           const struct explanation *x, FILE *fp) {
  const struct config_settings *s = &l->settings;
  const struct explain_desc *d = x->descs;
  char access[256];
  bool first = true;

  fprintf(fp, "program: %s (%s", l->script_path ? l->script_path : l->exec_path,
          x->kind);
  if (l->script_path)
    fprintf(fp, ", run by %s", l->script_interp);
  if (l->closure.dynamic)
    fprintf(fp, ", ELF interpreter %s, %zu libraries",
            l->closure.interpreter ? l->closure.interpreter : "none",
            l->closure.n_libraries);
  fprintf(fp, ")\nprofile: %s\nargv:", x->profile);
  for (size_t i = 0; i < explain_count(l->exec_argv); ++i)
    fprintf(fp, " \"%s\"", l->exec_argv[i]);
  fputs("\nenv:", fp);
  for (size_t i = 0; i < explain_count(l->exec_envp); ++i)
    fprintf(fp, " \"%s\"", l->exec_envp[i]);
  fprintf(fp, "%s\nworkdir: %s\ndescriptors:\n",
          explain_count(l->exec_envp) ? "" : " (empty)",
          s->workdir ? s->workdir : "(unchanged)");
  for (size_t i = 0; i < x->n_descs; ++i) {
    fprintf(fp, "  %-3d %-10s %s [%s]", d[i].fd, d[i].kind, d[i].what,
            d[i].mode);
    if (d[i].pos != NULL && d[i].pos->line > 0)
      fprintf(fp, "  (%s:%u:%u)", d[i].pos->file, d[i].pos->line,
              d[i].pos->column);
    fputc('\n', fp);
  }
  fprintf(fp, "landlock rules (ABI %d):\n", l->kernel.landlock_abi);
  for (size_t i = 0; i < x->n_rules; ++i) {
    launcher_landlock_names(x->rules[i].access, access, sizeof(access));
    fprintf(fp, "  %s: %s (%s)\n", x->rules[i].path, access,
            x->rules[i].reason);
  }
  fprintf(fp, "  network: TCP bind and connect denied\n"
              "  scoped: abstract unix sockets, signals\n"
              "seccomp: %s profile\nenforcement: %s\nlimits: ",
          x->profile, x->enforcement);
  limit(fp, &first, "as", &s->limit_as);
  limit(fp, &first, "cpu", &s->limit_cpu);
  limit(fp, &first, "nofile", &s->limit_nofile);
  limit(fp, &first, "nproc", &s->limit_nproc);
  limit(fp, &first, "fsize", &s->limit_fsize);
  if (first)
    fputs("none", fp);
  fputs("\ntimeout: ", fp);
  if (s->timeout_ms.set)
    fprintf(fp, "%llu.%03llu s\n",
            (unsigned long long)s->timeout_ms.value / 1000,
            (unsigned long long)s->timeout_ms.value % 1000);
  else
    fputs("none\n", fp);
  fprintf(fp, "user: %s\n", s->user ? s->user : "(unchanged)");
  if (l->closure.dynamic || l->script_path)
    fputs("hint: code loaded with dlopen (plugins, gconv, Python's "
          "lib-dynload) needs a directory grant such as\n"
          "      !file {path: /usr/lib/x86_64-linux-gnu}\n",
          fp);
}
