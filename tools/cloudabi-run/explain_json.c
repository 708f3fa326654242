/* --explain --json: one JSON object. */
#include <stdio.h>

#include "explain.h"

static void json_str(FILE *fp, const char *s) {
  if (s == NULL) {
    fputs("null", fp);
    return;
  }
  fputc('"', fp);
  for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
    if (*p == '"' || *p == '\\')
      fprintf(fp, "\\%c", *p);
    else if (*p < 0x20)
      fprintf(fp, "\\u%04x", *p);
    else
      fputc(*p, fp);
  }
  fputc('"', fp);
}

static void json_list(FILE *fp, char *const *v, size_t n) {
  fputc('[', fp);
  for (size_t i = 0; i < n; ++i) {
    if (i)
      fputs(", ", fp);
    json_str(fp, v[i]);
  }
  fputc(']', fp);
}

static void limit(FILE *fp, bool *first, const char *name,
                  const struct config_limit *lim) {
  fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", name);
  if (lim->set)
    fprintf(fp, "%llu", (unsigned long long)lim->value);
  else
    fputs("null", fp);
  *first = false;
}

void launcher_explain_json(const struct launcher *l,
                           const struct explanation *x, FILE *fp) {
  const struct config_settings *s = &l->settings;
  const struct explain_desc *d = x->descs;
  char access[256];
  bool first = true;

  fputs("{\"program\": {\"path\": ", fp);
  json_str(fp, l->script_path ? l->script_path : l->exec_path);
  fprintf(fp, ", \"kind\": \"%s\", \"interpreter\": ", x->kind);
  json_str(fp, l->script_path ? l->script_interp : l->closure.interpreter);
  fputs(", \"libraries\": ", fp);
  json_list(fp, l->closure.libraries, l->closure.n_libraries);
  fputs(", \"missing\": ", fp);
  json_list(fp, l->closure.missing, l->closure.n_missing);
  fprintf(fp, "}, \"profile\": \"%s\", \"argv\": ", x->profile);
  json_list(fp, l->exec_argv, explain_count(l->exec_argv));
  fputs(", \"env\": ", fp);
  json_list(fp, l->exec_envp, explain_count(l->exec_envp));
  fputs(", \"workdir\": ", fp);
  json_str(fp, s->workdir);
  fputs(", \"descriptors\": [", fp);
  for (size_t i = 0; i < x->n_descs; ++i) {
    fprintf(fp, "%s{\"fd\": %d, \"kind\": \"%s\", \"what\": ",
            i ? ", " : "", d[i].fd, d[i].kind);
    json_str(fp, d[i].what);
    fputs(", \"mode\": ", fp);
    json_str(fp, d[i].mode);
    if (d[i].pos != NULL && d[i].pos->line > 0)
      fprintf(fp, ", \"line\": %u, \"column\": %u", d[i].pos->line,
              d[i].pos->column);
    fputc('}', fp);
  }
  fprintf(fp, "], \"landlock\": {\"abi\": %d, \"rules\": [",
          l->kernel.landlock_abi);
  for (size_t i = 0; i < x->n_rules; ++i) {
    launcher_landlock_names(x->rules[i].access, access, sizeof(access));
    fprintf(fp, "%s{\"path\": ", i ? ", " : "");
    json_str(fp, x->rules[i].path);
    fprintf(fp, ", \"access\": \"%s\", \"bits\": %llu, \"reason\": \"%s\"}",
            access, (unsigned long long)x->rules[i].access,
            x->rules[i].reason);
  }
  fprintf(fp, "], \"net\": \"tcp bind and connect denied\", \"scoped\": "
              "[\"abstract_unix_socket\", \"signal\"]}, \"seccomp\": \"%s\", "
              "\"enforcement\": \"%s\", \"limits\": {",
          x->profile, x->enforcement);
  limit(fp, &first, "as", &s->limit_as);
  limit(fp, &first, "cpu", &s->limit_cpu);
  limit(fp, &first, "nofile", &s->limit_nofile);
  limit(fp, &first, "nproc", &s->limit_nproc);
  limit(fp, &first, "fsize", &s->limit_fsize);
  fputs("}, \"timeout_ms\": ", fp);
  if (s->timeout_ms.set)
    fprintf(fp, "%llu", (unsigned long long)s->timeout_ms.value);
  else
    fputs("null", fp);
  fputs(", \"user\": ", fp);
  json_str(fp, s->user);
  fputs("}\n", fp);
}
