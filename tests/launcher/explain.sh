#!/bin/bash
# --explain [--json]: what the program would hold, without opening, creating
# or binding anything and without starting it; --check [--json]: what this
# kernel enforces.
. "$(dirname "$0")/lib.sh"

mkdir srv
cat >c.yaml <<YAML
out: !fd stdout
dir: !file {path: $T/srv, rights: [read, write, create]}
new: !file {path: $T/new.txt, rights: [write], create: true}
sock: !socket {type: stream, bind: $T/x.sock}
YAML

run --explain --argv=prog --env=GREETING=hi "$P/ad_report" c.yaml
status_is 0 "--explain"
ok "--explain did not create the file" test ! -e new.txt
ok "--explain did not bind the unix socket" test ! -e x.sock
unlike "^argc=" "$(cat out)" "--explain did not start the program"
text=$(cat out)
like "$T/srv" "$text" "--explain lists the directory"
like "$T/new.txt" "$text" "--explain lists the file to create"
like "$T/x.sock" "$text" "--explain lists the socket address"
like "(^|[^0-9])4([^0-9]|$)" "$text" "--explain shows fd 4"
like "(^|[^0-9])6([^0-9]|$)" "$text" "--explain shows fd 6"
like "GREETING=hi" "$text" "--explain shows the environment"
like "prog" "$text" "--explain shows argv"
like "[Ll]andlock|LANDLOCK" "$text" "--explain shows the Landlock rules"
like "seccomp|strict|compat" "$text" "--explain shows the seccomp profile"

run --explain --json "$P/ad_report" c.yaml
status_is 0 "--explain --json"
ok "--explain --json did not create the file" test ! -e new.txt
if "$PY" -m json.tool out >/dev/null 2>json.err; then
  pass "--explain --json prints valid JSON"
else
  fail "--explain --json prints valid JSON"; diag "$(cat json.err)" "$(head -c 1000 out)"
fi
# Each descriptor is an object holding its number and its path/address.
check_json='import json, sys
doc = json.load(open(sys.argv[1]))
want = [(4, None), (5, sys.argv[2]), (6, sys.argv[3]), (7, sys.argv[4])]
objs = []
def walk(x):
    if isinstance(x, dict):
        objs.append(x)
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(doc)
def has(o, n, s):
    vals = list(o.values())
    return n in vals and (s is None or any(isinstance(v, str) and s in v for v in vals))
missing = [n for n, s in want if not any(has(o, n, s) for o in objs)]
print("missing descriptors:", missing)
sys.exit(1 if missing else 0)'
if "$PY" -c "$check_json" out "$T/srv" "$T/new.txt" "$T/x.sock" >json.out 2>&1; then
  pass "--explain --json: one object per descriptor with its number and path"
else
  fail "--explain --json: one object per descriptor with its number and path"; diag "$(cat json.out)"
fi

# --explain tells the truth: each descriptor's access mode in --explain
# --json is the one the program then finds.
echo x >f.txt
mkdir -p d2
cat >modes.yaml <<YAML
out: !fd stdout
r: !file {path: $T/f.txt}
w: !file {path: $T/f.txt, rights: [write]}
rw: !file {path: $T/f.txt, rights: [read, write]}
a: !file {path: $T/f.txt, rights: [append]}
d: !file {path: $T/d2}
p: !file {path: $T/d2, rights: [write]}
YAML
# !fd descriptors too: --explain gives the access mode of the launcher's
# descriptor (F_GETFL), here stdout (a file opened with >), an append-only
# descriptor 5 and a read-only descriptor 6.
cat >>modes.yaml <<YAML
fa: !fd 5
fr: !fd 6
YAML
: >app.txt
run --explain --json "$P/ad_report" modes.yaml 5>>app.txt 6<f.txt
cp out explain.json
run "$P/ad_report" modes.yaml 5>>app.txt 6<f.txt
compare='import json, re, sys
doc = json.load(open(sys.argv[1]))
report = {}
for line in open(sys.argv[2]):
    m = re.match(r"fd=(\d+) .*acc=(\w+) append=(\d)", line)
    if m:
        report[int(m.group(1))] = (m.group(2), m.group(3) == "1")
bad = []
for d in doc.get("descriptors", []):
    fd, mode = d.get("fd"), d.get("mode", "")
    if not isinstance(fd, int):
        continue
    flags = set(mode.split("|"))
    acc = ("path" if "O_PATH" in flags else "rdwr" if "O_RDWR" in flags
           else "wronly" if "O_WRONLY" in flags else "rdonly")
    want = (acc, "O_APPEND" in flags)
    if report.get(fd) != want:
        bad.append("fd %d: --explain says %s, the program has %s" % (fd, mode, report.get(fd)))
print("\n".join(bad) or "all descriptors agree")
sys.exit(1 if bad else 0)'
if "$PY" -c "$compare" explain.json out >cmp.out 2>&1; then
  pass "--explain --json access modes match what the program holds"
else
  fail "--explain --json access modes match what the program holds"; diag "$(cat cmp.out)"
fi

# A !fd directory gets no Landlock rule: --explain says so.
printf 'out: !fd stdout\nd: !fd 7\n' >fddir.yaml
run --explain "$P/ad_report" fddir.yaml 7<d2
status_is 0 "--explain with a !fd directory"
like "launcher descriptor 7, a directory: no Landlock rule" "$(cat out)" \
  "--explain: a !fd directory gets no Landlock rule"
like "fd +launcher descriptor 7.*\[O_RDONLY\]" "$(cat out)" \
  "--explain: the access mode of a !fd directory"
run --explain --json "$P/ad_report" fddir.yaml 7<d2
if "$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
x = [e for e in d["descriptors"] if "launcher descriptor 7" in json.dumps(e)]
sys.exit(0 if x and x[0]["mode"] == "O_RDONLY" and "no Landlock rule" in json.dumps(x[0]) else 1)' out; then
  pass "--explain --json: a !fd directory, its mode and no Landlock rule"
else
  fail "--explain --json: a !fd directory, its mode and no Landlock rule"; diag "$(cat out)"
fi

# --explain still validates the configuration.
printf 'out: !fle stdout\n' >bad.yaml
run --explain "$P/ad_report" bad.yaml
status_is 101 "--explain of a bad configuration"
fatal_at bad.yaml 1 6 '!fle' "--explain of a bad configuration"

# --check.
run --check
ok "--check exits 0 (or 103 when the kernel cannot run programs; status $st)" test "$st" = 0 -o "$st" = 103
like "[Ll]andlock" "$(cat out)" "--check reports Landlock"
like "seccomp" "$(cat out)" "--check reports seccomp"
run --check --json
ok "--check --json exits 0 or 103 (status $st)" test "$st" = 0 -o "$st" = 103
if "$PY" -m json.tool out >/dev/null 2>json.err; then
  pass "--check --json prints valid JSON"
else
  fail "--check --json prints valid JSON"; diag "$(cat json.err)" "$(head -c 1000 out)"
fi

# A kernel that cannot run programs at all (Landlock lowered to 0): 103.
run --check --debug-landlock-abi=0
status_is 103 "--check with no Landlock"
run --check --json --debug-landlock-abi=0
status_is 103 "--check --json with no Landlock"
if "$PY" -m json.tool out >/dev/null 2>json.err; then
  pass "--check --json with no Landlock still prints valid JSON"
else
  fail "--check --json with no Landlock still prints valid JSON"; diag "$(head -c 500 out)"
fi

done_testing
