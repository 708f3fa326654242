#!/bin/bash
# Scalars of the YAML 1.2 core schema plus !!binary, !!timestamp, !!float
# and explicit tags reach the program with the right argdata types (compared
# through the program's own argdata_print_yaml output), and the bytes of a
# published vector.
. "$(dirname "$0")/lib.sh"

cat >s.yaml <<'YAML'
out: !fd stdout
int: 42
neg: -7
big: 18446744073709551615
hex: 0x1F
oct: 0o17
float: 1.5
exp: 1e3
negfloat: -0.25
inf: .inf
minf: -.inf
nan: .nan
t: true
f: false
T: True
n: null
tilde: ~
empty:
str: hello
quoted: "quoted 42"
single: '3'
yes: yes
escaped: "tab\there\n"
unicode: "héllo ☃"
binary: !!binary aGVsbG8=
timestamp: !!timestamp 2015-07-14T06:39:59.073238121Z
date: !!timestamp 2002-12-14
tagfloat: !!float 2
tagstr: !!str 42
tagint: !!int "7"
7: seven
seq: [1, two, 3.0]
map: {a: 1}
YAML
run "$P/ad_report" s.yaml
status_is 0 "every scalar type"
expected='%TAG ! tag:nuxi.nl,2015:cloudabi/
---
!!map {
  ? !!str "out"
  : !fd "4",
  ? !!str "int"
  : !!int "42",
  ? !!str "neg"
  : !!int "-7",
  ? !!str "big"
  : !!int "18446744073709551615",
  ? !!str "hex"
  : !!int "31",
  ? !!str "oct"
  : !!int "15",
  ? !!str "float"
  : !!float "1.5",
  ? !!str "exp"
  : !!float "1e+3",
  ? !!str "negfloat"
  : !!float "-2.5e-1",
  ? !!str "inf"
  : !!float ".inf",
  ? !!str "minf"
  : !!float "-.inf",
  ? !!str "nan"
  : !!float ".nan",
  ? !!str "t"
  : !!bool "true",
  ? !!str "f"
  : !!bool "false",
  ? !!str "T"
  : !!bool "true",
  ? !!str "n"
  : !!null "null",
  ? !!str "tilde"
  : !!null "null",
  ? !!str "empty"
  : !!null "null",
  ? !!str "str"
  : !!str "hello",
  ? !!str "quoted"
  : !!str "quoted 42",
  ? !!str "single"
  : !!str "3",
  ? !!str "yes"
  : !!str "yes",
  ? !!str "escaped"
  : !!str "tab\there\n",
  ? !!str "unicode"
  : !!str "héllo ☃",
  ? !!str "binary"
  : !!binary "aGVsbG8=",
  ? !!str "timestamp"
  : !!timestamp "2015-07-14T06:39:59.073238121Z",
  ? !!str "date"
  : !!timestamp "2002-12-14T00:00:00.000000000Z",
  ? !!str "tagfloat"
  : !!float "2",
  ? !!str "tagstr"
  : !!str "42",
  ? !!str "tagint"
  : !!int "7",
  ? !!int "7"
  : !!str "seven",
  ? !!str "seq"
  : !!seq [
    !!int "1",
    !!str "two",
    !!float "3",
  ],
  ? !!str "map"
  : !!map {
    ? !!str "a"
    : !!int "1",
  },
}'
actual=$(yaml_of)
is "$expected" "$actual" "the program sees every scalar with its core-schema type"
if [ "$expected" != "$actual" ]; then
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | diag "$(cat)"
fi

# More spellings of the core schema and of the explicit tags.
cat >more.yaml <<'YAML'
out: !fd stdout
plus: +42
minint: -9223372036854775808
half: .5
Inf: .Inf
NaN: .NaN
nul1: Null
nul2: NULL
fal: FALSE
qtrue: "true"
qnull: 'null'
tsoff: !!timestamp 2001-12-14t21:59:43.10-05:00
tsspace: !!timestamp 2001-12-14 21:59:43.10 -5
bin: !!binary |
  aGVs
  bG8=
YAML
run "$P/ad_report" more.yaml
status_is 0 "more scalar spellings"
expected='%TAG ! tag:nuxi.nl,2015:cloudabi/
---
!!map {
  ? !!str "out"
  : !fd "4",
  ? !!str "plus"
  : !!int "42",
  ? !!str "minint"
  : !!int "-9223372036854775808",
  ? !!str "half"
  : !!float "5e-1",
  ? !!str "Inf"
  : !!float ".inf",
  ? !!str "NaN"
  : !!float ".nan",
  ? !!str "nul1"
  : !!null "null",
  ? !!str "nul2"
  : !!null "null",
  ? !!str "fal"
  : !!bool "false",
  ? !!str "qtrue"
  : !!str "true",
  ? !!str "qnull"
  : !!str "null",
  ? !!str "tsoff"
  : !!timestamp "2001-12-15T02:59:43.100000000Z",
  ? !!str "tsspace"
  : !!timestamp "2001-12-15T02:59:43.100000000Z",
  ? !!str "bin"
  : !!binary "aGVsbG8=",
}'
actual=$(yaml_of)
is "$expected" "$actual" "core-schema spellings, timestamps with offsets, multi-line binary"
if [ "$expected" != "$actual" ]; then
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | diag "$(cat)"
fi

# Published vector: [0, true, "A"] is 07 81 05 82 02 01 83 08 41 00.
echo '[0, true, "A"]' >v.yaml
run --stdout=inherit "$P/ad_report" v.yaml
status_is 0 "a sequence as the whole argdata"
is "07 81 05 82 02 01 83 08 41 00" "$(sed -n 's/^argdata-hex=//p' out)" "[0, true, \"A\"] has the published bytes"

# Minimal integer encodings: 255 -> 05 00 ff, -1 -> 05 ff, 0 -> 05.
echo '[255, -1, 0]' >ints.yaml
run --stdout=inherit "$P/ad_report" ints.yaml
is "07 83 05 00 ff 82 05 ff 81 05" "$(sed -n 's/^argdata-hex=//p' out)" "integers are encoded minimally"

done_testing
